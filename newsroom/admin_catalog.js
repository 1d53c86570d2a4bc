// Message ids for the admin's scripts that no catalogue of ours would otherwise hold.
//
// Never loaded: `makemessages -d djangojs` reads these calls and keeps the ids in
// locale/ar/LC_MESSAGES/djangojs.po, which the admin's script catalogue (/admin/jsi18n/)
// serves before Django's own. The rich-text editor's ids are listed where its toolbar
// is named, static/js/admin-accessibility.js. tests/newsroom/test_admin_arabic.py fails
// when a string the admin's scripts may show has no Arabic.

// Django 6.1's admin scripts: what its Arabic catalogue lacks (the time-zone note beside
// date fields, the calendar's labels, the "Run" reminder).
gettext_noop("You have selected an action, and you haven’t made any changes on individual fields. You’re probably looking for the Run button rather than the Save button.");
gettext_noop("server");
ngettext("Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)", "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours ahead.)", 0);
ngettext("Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour behind.)", "Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hours behind.)", 0);
gettext_noop("Today (%(date)s)");
gettext_noop("Yesterday (%(date)s)");
gettext_noop("Tomorrow (%(date)s)");
gettext_noop("Previous (%(month)s %(year)s)");
gettext_noop("Next (%(month)s %(year)s)");
gettext_noop("%(month)s %(day)s, %(year)s");
gettext_noop("%s (today, current selection)");
gettext_noop("%s (today)");
gettext_noop("%s (current selection)");
