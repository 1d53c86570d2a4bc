// Names and roles that the admin's third-party widgets leave out.
//
// Screen readers announce a control by its name, and axe-core (WCAG 2.2 AA)
// checks the same thing: the body editor, the autocomplete boxes and the
// language switch arrive without one, the translation tabs nest a link inside
// a tab, and the editor's toolbar speaks English. This script fills those gaps
// once the widgets exist, in the admin's own language (Django's JavaScript
// catalog, /admin/jsi18n/, carries the Arabic).
(() => {
  "use strict";

  const gettext = window.gettext || ((text) => text);

  // The id of the <label> that names field ``fieldId``, given one when it had none.
  const labelIdFor = (fieldId) => {
    const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
    if (!label) return null;
    if (!label.id) label.id = `${fieldId}-label`;
    return label.id;
  };

  // The body editor: named by its field's label, its toolbar in the admin's language.
  const TOOLBAR = {
    bulletList: gettext("Bulleted list"),
    orderedList: gettext("Numbered list"),
    orderedListProperties: gettext("List properties"),
    blockquote: gettext("Quotation"),
    horizontalRule: gettext("Horizontal line"),
    figure: gettext("Figure"),
    bold: gettext("Bold"),
    italic: gettext("Italic"),
    link: gettext("Insert link"),
    unlink: gettext("Remove link"),
    "history:undo": gettext("Undo"),
    "history:redo": gettext("Redo"),
  };
  const BLOCKS = {
    heading2: gettext("Heading"),
    heading3: gettext("Subheading"),
    heading4: gettext("Minor heading"),
    paragraph: gettext("Paragraph"),
  };

  // The editor's own dialogs look these up through window.gettext themselves; naming them
  // here is how makemessages puts them in our catalogue.
  const gettext_noop = (text) => text;
  gettext_noop("Edit Link");
  gettext_noop("URL");
  gettext_noop("Title");
  gettext_noop("Open in new window");
  gettext_noop("Insert Figure");
  gettext_noop("Edit Figure");
  gettext_noop("Image URL");
  gettext_noop("Browse...");
  gettext_noop("Alternative Text");
  gettext_noop("Caption");
  gettext_noop("List type");
  gettext_noop("Start at");
  gettext_noop("Bullets");
  gettext_noop("Decimal numbers");
  gettext_noop("Lowercase letters");
  gettext_noop("Uppercase letters");
  gettext_noop("Lowercase Roman numerals");
  gettext_noop("Uppercase Roman numerals");
  gettext_noop("Insert");
  gettext_noop("Update");
  gettext_noop("Cancel");
  gettext_noop("Edit Image");
  gettext_noop("Add caption");
  gettext_noop("Remove caption");
  gettext_noop("Toggle fullscreen");
  // Offered by extensions the body does not use (yet): tables and the HTML source.
  gettext_noop("Insert Table");
  gettext_noop("Table Properties");
  gettext_noop("Rows");
  gettext_noop("Columns");
  gettext_noop("Include header row");
  gettext_noop("Edit HTML");
  gettext_noop("Prettify");
  gettext_noop(
    "The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema.",
  );

  const translateToolbar = (root) => {
    for (const button of root.querySelectorAll(".prose-menubar__button[data-name]")) {
      const name = TOOLBAR[button.dataset.name];
      if (name && button.title !== name) {
        button.title = name;
        button.setAttribute("aria-label", name);
      }
    }
    for (const option of root.querySelectorAll(".prose-menubar__option[data-name]")) {
      const name = BLOCKS[option.dataset.name];
      const block = option.firstElementChild;
      if (name && block && block.textContent !== name) block.textContent = name;
    }
    const current = root.querySelector(".prose-menubar__selected .prose-menubar__button");
    if (current && current.title !== gettext("Paragraph style")) {
      current.title = gettext("Paragraph style");
      current.setAttribute("aria-label", gettext("Paragraph style"));
    }
  };

  const nameEditor = (textarea, editor) => {
    const root = textarea.closest(".prose-editor");
    if (!root) return;
    const labelId = labelIdFor(textarea.id);
    const content = editor?.view?.dom || root.querySelector("[contenteditable]");
    if (content && labelId) content.setAttribute("aria-labelledby", labelId);
    // The toolbar is drawn after the editor is ready, and parts of it again as the
    // cursor moves.
    translateToolbar(root);
    new MutationObserver(() => translateToolbar(root)).observe(root, {
      childList: true,
      subtree: true,
    });
  };

  document.addEventListener("prose-editor:ready", (event) => {
    nameEditor(event.detail.textarea, event.detail.editor);
  });

  // Autocomplete boxes (select2): the box, its typing field and its list of choices.
  const nameAutocompletes = () => {
    for (const select of document.querySelectorAll("select.admin-autocomplete")) {
      const container = select.nextElementSibling;
      if (!container?.classList.contains("select2")) continue;
      const labelId = labelIdFor(select.id);
      if (!labelId) continue;
      const box = container.querySelector(".select2-selection");
      const shown = container.querySelector(".select2-selection__rendered[id]");
      box?.setAttribute("aria-labelledby", shown ? `${labelId} ${shown.id}` : labelId);
      // The read-only text that shows the choice: named by the label, its value the choice.
      shown?.setAttribute("aria-labelledby", labelId);
      container.querySelector(".select2-search__field")?.setAttribute("aria-labelledby", labelId);
      // The chosen items are a list; select2 puts its "clear" control among them.
      container.querySelector("ul.select2-selection__rendered")?.setAttribute("role", "list");
    }
  };

  // The search field of an open single-choice box, which select2 adds at the page's end.
  const nameOpenAutocomplete = (event) => {
    const labelId = labelIdFor(event.target.id);
    const field = document.querySelector(".select2-container--open .select2-search__field");
    if (labelId) field?.setAttribute("aria-labelledby", labelId);
  };

  // The translation tabs (jQuery UI): a tab must not hold a second focusable control.
  const flattenTranslationTabs = (jQuery) => {
    const tabs = jQuery?.ui?.tabs;
    if (!tabs) return;
    // Every panel is on the page; without this, a tab without an address would be
    // fetched over the network when chosen.
    tabs.prototype._isLocal = () => true;
    for (const anchor of document.querySelectorAll(".ui-tabs-nav a.ui-tabs-anchor")) {
      anchor.removeAttribute("href");
      anchor.removeAttribute("tabindex");
      anchor.textContent = languageName(anchor.textContent);
      anchor.removeAttribute("title"); // it only repeated the name
    }
  };

  // «العربية» and «الإنجليزية» rather than the codes "ar" and "en".
  const languageName = (code) => {
    const tag = code.trim().replace("_", "-");
    try {
      const names = new Intl.DisplayNames([document.documentElement.lang || tag], {
        type: "language",
      });
      return names.of(tag) || tag;
    } catch {
      return tag;
    }
  };

  const nameLanguageSwitch = () => {
    const languageSwitch = document.getElementById("modeltranslation-main-switch");
    if (!languageSwitch) return;
    languageSwitch.setAttribute("aria-label", gettext("Language of all fields"));
    for (const option of languageSwitch.options) option.text = languageName(option.text);
  };

  // Fields edited right in a list have no label: name each by its column and its row.
  const nameListEditableFields = () => {
    for (const field of document.querySelectorAll(
      "#result_list tbody td :is(input, select, textarea):not([type=hidden])",
    )) {
      if (field.labels?.length || field.hasAttribute("aria-label")) continue;
      const cell = field.closest("td");
      const column = [...cell.classList].find((name) => name.startsWith("field-"));
      const header = column && document.querySelector(
        `#result_list thead th.column-${CSS.escape(column.slice(6))} .text`,
      );
      const row = cell.closest("tr").querySelector("th");
      if (header && row) {
        field.setAttribute("aria-label", `${header.textContent.trim()}: ${row.textContent.trim()}`);
      }
    }
  };

  // Django groups a file field with its "clear" box under a legend, which names the
  // group but not the file input inside it.
  const nameGroupedFileInputs = () => {
    for (const input of document.querySelectorAll("fieldset input[type=file]")) {
      const legend = input.closest("fieldset").querySelector("legend");
      if (input.labels?.length || !legend) continue;
      if (!legend.id) legend.id = `${input.id}-legend`;
      input.setAttribute("aria-labelledby", legend.id);
    }
    // The search icons of the two-box selectors carry a name but no role to hold it.
    for (const icon of document.querySelectorAll(".help-tooltip[aria-label]:not([role])")) {
      icon.setAttribute("role", "img");
    }
  };

  // After the widgets' own start-up: jQuery runs ready callbacks in the order they were
  // registered, and this deferred script registers after the admin's scripts in <head>.
  const jQuery = window.django?.jQuery || window.jQuery;
  const whenReady = (start) =>
    jQuery ? jQuery(start) : document.addEventListener("DOMContentLoaded", start);
  const nameAll = () => {
    nameLanguageSwitch();
    nameAutocompletes();
    nameListEditableFields();
    nameGroupedFileInputs();
  };
  whenReady(() => {
    flattenTranslationTabs(jQuery);
    nameAll();
    jQuery?.(document).on("formset:added", nameAutocompletes);
    jQuery?.(document).on("select2:open", nameOpenAutocomplete);
  });
  // The two-box selectors (permissions, groups) are drawn only once the page has loaded.
  window.addEventListener("load", nameAll);
})();
