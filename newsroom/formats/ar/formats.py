# Date formats for Arabic pages: day, month name, year, then a 24-hour time after an Arabic comma.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATE_FORMAT = "d/m/Y"
FIRST_DAY_OF_WEEK = 6  # Saturday
