// Follows live coverage without reloading the page.
//
// The server renders every update, so the page is complete without this
// script. Every few seconds (data-poll-seconds) it asks for the changes since
// its cursor, an address shared by every reader who loaded the page in the
// same interval, so caches answer almost every poll. Edited and deleted
// updates change in place (the page keeps its place when they are above the
// reader); new ones wait behind a polite «تحديثات جديدة (3)» button, announced
// through an aria-live region, and go in when the reader asks. Focus and
// scroll never move.
(() => {
  "use strict";

  const section = document.querySelector(".live[data-live-changes]");
  if (!section || !window.fetch) return;

  const list = section.querySelector(".live__updates");
  const announcer = section.querySelector(".live__announce");
  const everyMs = (Number(section.dataset.pollSeconds) || 20) * 1000;
  const newLabel = section.dataset.newLabel || "{count}";
  const caughtUpLabel = section.dataset.caughtUpLabel || "";
  let address = section.dataset.liveChanges;

  const seen = new Map();
  for (const element of section.querySelectorAll(".live-update")) {
    seen.set(element.id, Number(element.dataset.changed));
  }
  const waiting = new Map();

  const button = document.createElement("button");
  button.type = "button";
  button.className = "live__new";
  button.hidden = true;
  list.before(button);

  const fromHtml = (html) => {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  };

  // Replace or remove an element without moving what the reader is looking at.
  const keepingPlace = (element, change) => {
    const above = element.getBoundingClientRect().bottom < 0;
    const before = document.documentElement.scrollHeight;
    change();
    if (above) window.scrollBy(0, document.documentElement.scrollHeight - before);
  };

  const offer = () => {
    if (!waiting.size) return;
    const text = newLabel.replace("{count}", String(waiting.size));
    button.textContent = text;
    button.removeAttribute("aria-disabled");
    button.hidden = false;
    announcer.textContent = text;
  };

  button.addEventListener("click", () => {
    if (!waiting.size) return;
    const newest = [...waiting.values()].sort((a, b) => b.posted - a.posted || b.id - a.id);
    const fragment = document.createDocumentFragment();
    for (const change of newest) fragment.append(fromHtml(change.html));
    list.prepend(fragment);
    list.querySelector(":scope > .empty")?.remove();
    waiting.clear();
    // The button stays where it is, focused if it was: it only says so.
    button.textContent = caughtUpLabel;
    button.setAttribute("aria-disabled", "true");
  });

  const apply = (data) => {
    for (const change of data.changes) {
      const id = `update-${change.id}`;
      if ((seen.get(id) ?? -1) >= change.changed) continue;
      seen.set(id, change.changed);
      const element = document.getElementById(id);
      if (change.deleted) {
        waiting.delete(id);
        if (element) keepingPlace(element, () => element.remove());
      } else if (element) {
        keepingPlace(element, () => element.replaceWith(fromHtml(change.html)));
      } else {
        waiting.set(id, change);
      }
    }
    offer();
    address = address.replace(/\d+\.json$/, `${data.next}.json`);
    return data.live;
  };

  const poll = async () => {
    let live = true;
    try {
      const response = await fetch(address, { headers: { Accept: "application/json" } });
      if (response.ok) live = apply(await response.json());
    } catch {
      // A lost connection: try again at the next interval.
    }
    if (live) window.setTimeout(poll, everyMs);
  };
  window.setTimeout(poll, everyMs);
})();
