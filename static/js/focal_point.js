// Sets an image's focal point from a tap or click on its preview in the admin.
//
// The two number fields are what the form saves, and they work without this
// script (a keyboard, a screen reader, a phone without JavaScript). The script
// only writes them from where the editor tapped, and moves the marker when
// they are typed into. Fractions are measured from the picture's top left
// corner whatever the page's direction: they describe the picture, not the
// right-to-left admin around it.
const setUpFocalPointPicker = () => {
  "use strict";

  const picker = document.querySelector("[data-focal-picker]");
  const across = document.getElementById("id_focal_x");
  const down = document.getElementById("id_focal_y");
  if (!picker || !across || !down) return;

  const picture = picker.querySelector("img");
  const marker = picker.querySelector(".focal-picker__marker");
  const fraction = (value) => Math.min(1, Math.max(0, Number(value) || 0));

  const showMarker = () => {
    if (across.value === "" || down.value === "") return;
    marker.style.left = `${fraction(across.value) * 100}%`;
    marker.style.top = `${fraction(down.value) * 100}%`;
  };

  picture.style.cursor = "crosshair";
  picture.addEventListener("click", (event) => {
    const box = picture.getBoundingClientRect();
    if (!box.width || !box.height) return;
    across.value = fraction((event.clientX - box.left) / box.width).toFixed(2);
    down.value = fraction((event.clientY - box.top) / box.height).toFixed(2);
    showMarker();
  });
  across.addEventListener("input", showMarker);
  down.addEventListener("input", showMarker);
};

// The admin loads its media in the head, before the form exists.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", setUpFocalPointPicker);
} else {
  setUpFocalPointPicker();
}
