"""Django's Redis cache backend, keeping one redis-py client per server.

Django's client builds a new ``redis.Redis`` around the connection pool for
every cache call. Since redis-py 6 that object sets up retries, event
dispatch and notification handling, about 60 µs each time here, more than the
round trip to Redis on loopback: a page served from the page cache makes one
call, so it was a third of what the hit cost. A ``redis.Redis`` is safe to
share between threads (each command takes a connection from the pool), and
the pool reconnects after gunicorn forks its workers.
"""

from django.core.cache.backends import redis


class ReusingRedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def publish(self, channel: str, message) -> None:
        """Announce ``message`` to the processes subscribed to ``channel`` (under
        this cache's key prefix)."""
        self._cache.get_client(write=True).publish(self.make_key(channel), message)

    def subscribe(self, channel: str):
        """A connection of its own subscribed to ``channel`` (a redis-py ``PubSub``)."""
        subscription = self._cache.get_client(write=True).pubsub()
        subscription.subscribe(self.make_key(channel))
        return subscription
