// Keeps the breaking-news strip current without reloading the page.
//
// The server renders the strip, and it works (moves, pauses) without this
// script. Every minute the script asks /ticker.json for the live items and,
// when they changed, rebuilds the two lists in place: the pause control is
// left alone, and nothing changes under the reader's pointer or keyboard
// focus (the update waits until they leave the strip). A breaking item that
// was not there before is read out by a polite live region; focus never moves.
(() => {
  "use strict";

  const strip = document.querySelector(".ticker[data-live-url]");
  const announcer = document.getElementById("ticker-announcer");
  if (!strip || !announcer || !window.fetch) return;

  const [list, copy] = strip.querySelectorAll(".ticker__list");
  const everyMs = (Number(strip.dataset.refreshSeconds) || 60) * 1000;
  const breakingLabel = strip.dataset.breakingLabel || "";
  // The strip's pace follows its length (site.css); no inline style may say so.
  strip.style.setProperty("--ticker-items", String(list.children.length));

  const itemsInPage = () =>
    Array.from(list.children, (li) => {
      const text = li.firstElementChild;
      return {
        text: text.textContent,
        url: text.getAttribute("href") || "",
        is_breaking: li.classList.contains("ticker__item--breaking"),
        lang: text.lang,
        dir: text.dir,
        live: li.querySelector(".live-badge") !== null,
      };
    });

  let shown = JSON.stringify(itemsInPage());
  const announced = new Set(itemsInPage().filter((i) => i.is_breaking).map((i) => i.text));
  let waiting = null;

  const busy = () => strip.matches(":hover") || strip.contains(document.activeElement);

  function element(item, inCopy) {
    const li = document.createElement("li");
    li.className = "ticker__item" + (item.is_breaking ? " ticker__item--breaking" : "");
    const text = document.createElement(item.url ? "a" : "span");
    if (item.url) {
      text.href = item.url;
      if (inCopy) text.tabIndex = -1;
    }
    text.lang = item.lang;
    text.dir = item.dir;
    text.textContent = item.text;
    li.append(text);
    if (item.live) {
      const badge = document.createElement("span");
      badge.className = "live-badge";
      badge.textContent = strip.dataset.liveLabel || "";
      li.append(" ", badge);
    }
    return li;
  }

  function show() {
    if (!waiting || busy()) return;
    const items = waiting;
    waiting = null;
    const signature = JSON.stringify(items);
    if (signature === shown) return;
    shown = signature;
    list.replaceChildren(...items.map((item) => element(item, false)));
    copy.replaceChildren(...items.map((item) => element(item, true)));
    strip.style.setProperty("--ticker-items", String(items.length));
    strip.hidden = items.length === 0;

    const fresh = items.filter((item) => item.is_breaking && !announced.has(item.text));
    fresh.forEach((item) => announced.add(item.text));
    if (fresh.length) {
      announcer.textContent = fresh.map((item) => `${breakingLabel}: ${item.text}`).join(" — ");
    }
  }

  async function refresh() {
    if (document.hidden) return;
    try {
      const response = await fetch(strip.dataset.liveUrl, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      waiting = (await response.json()).items;
    } catch {
      return; // offline or a bad answer: keep the strip as it is
    }
    show();
  }

  strip.addEventListener("mouseleave", show);
  strip.addEventListener("focusout", () => setTimeout(show));
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) refresh();
  });
  setInterval(refresh, everyMs);
})();
