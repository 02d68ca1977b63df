#!/usr/bin/env python3
"""Writes the XSS payload corpus for `.ci/xss` and ReportEscapingTests.

Run from anywhere: `python3 Tests/Fixtures/XSS/make_corpus.py`; it rewrites, beside itself,
export.csv, personas/*.json and payloads.tsv (kind, place, key, payload: every payload and where
it was put). The files are committed; rerun only to change the corpus.

Every payload that runs script leaves a trace only execution can create: the text
"xss" + "fired" (built by concatenation, so the page source never holds it) in the DOM, as an
attribute `data-xssfired-<key>` or an element id. Payloads that load something point at
http://xss.test/<key> (a reserved name; `.ci/xss` maps every host to a local server that logs
the request). So a dumped DOM holding "xssfired", or any request reaching that server, means a
payload ran or loaded.
"""
import csv
import io
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CANARY = "http://xss.test"


def js(key, q="'"):
    """Script that marks the document: sets data-xssfired-<key> on <html> (also in frames)."""
    return f"top.document.documentElement.dataset[{q}xss{q}+{q}fired{key.capitalize()}{q}]=1"


SHORT = "id='xss'+'fired'"  # in an event handler, sets the element's id: for fields <= 40 chars
SHORT2 = 'id="xss"+"fired"'


def tag_payloads(key):
    """Payloads without ';' or ':' (a quote is one clause; those split it)."""
    m = js(key)
    return {
        "script": f"<script>{m}</script>",
        "img_onerror": f'<img src=x onerror="{m}">',
        "svg_onload": f'<svg onload="{m}">',
        "svg_script": f"<svg><script>{m}</script></svg>",
        "iframe_srcdoc": f'<iframe srcdoc="<script>{m}</script>"></iframe>',
        "title_breakout": f"</title><script>{m}</script>",
        "attr_dq": f'" onmouseover="{m}" autofocus onfocus="{m}" x="',
        "attr_sq": f"' autofocus onfocus='{js(key, chr(34))}' x='",
        "cdata_breakout": f']]><img src=x onerror="{m}">',
        "details_ontoggle": f'<details open ontoggle="{m}">x</details>',
        "body_onload": f'<body onload="{m}">',
        "input_autofocus": f'<input autofocus onfocus="{m}">',
        "video_source": f'<video><source onerror="{m}"></video>',
        "svg_animate": f'<svg><animate onbegin="{m}" attributeName=x dur=1s></svg>',
        "noscript_mxss": f'<noscript><p title="</noscript><img src=x onerror={m}>">',
        "math_mxss": f'<math><mtext><table><mglyph><style><img src=x onerror="{m}">',
        "textarea_breakout": f'</textarea><img src=x onerror="{m}">',
        "style_breakout": f'</style><img src=x onerror="{m}">',
        "rtl_override": f"\u202e<script>{m}</script>\u202c",
        "nul_split": f"<scr\u0000ipt>{m}</script>",
        "object_data": f'<object data=x onerror="{m}"></object>',
        "marquee": f'<marquee onstart="{m}">x</marquee>',
        "svg_style_mxss": f'<svg><style><img src=x onerror="{m}"></style></svg>',
        "xmp_breakout": f'<xmp></xmp><img src=x onerror="{m}"></xmp>',
        "select_template": f'<select><template><img src=x onerror="{m}"></template></select>',
        "a_onclick": f'<a href=x onclick="{m}">x</a>',
        "foreign_object": f'<svg><foreignObject><img src=x onerror="{m}"></foreignObject></svg>',
    }


def url_payloads(key):
    """Payloads with ':', ';', dashes or line breaks (URLs, entities, comment and line separators):
    a quote is cut there, so these go where text is shown whole (ids, persona fields)."""
    m = js(key)
    return {
        "comment_breakout": f'--><svg onload="{m}"><!--',
        "line_separator": f"<script>\u2028{m}\u2029</script>",
        "a_javascript": f'<a href="javascript:{m}">x</a>',
        "iframe_javascript": f'<iframe src="javascript:{m}"></iframe>',
        "svg_xlink": f'<svg><a xlink:href="javascript:{m}"><text>x</text></a></svg>',
        "form_action": f'<form><button formaction="javascript:{m}">x</button></form>',
        "entity_double": f"&lt;script&gt;{m}&lt;/script&gt;",
        "entity_hex": f"&#x3C;script&#x3E;{m}&#x3C;/script&#x3E;",
        "entity_broken": f"&lt<script>{m}</script>&#x3C<img src=x onerror=\"{m}\">&amp;lt;",
        "style_import": f"<style>@import '{CANARY}/{key}.css';</style>",
        "style_url": f'<div style="background:url({CANARY}/{key}.png)">x</div>',
        "meta_refresh": f'<meta http-equiv="refresh" content="0;url={CANARY}/{key}">',
        "base_href": f'<base href="{CANARY}/{key}/">',
        "img_remote": f'<img src="{CANARY}/{key}.png">',
        "link_remote": f'<link rel="stylesheet" href="{CANARY}/{key}.css">',
        "script_remote": f'<script src="{CANARY}/{key}.js"></script>',
    }


# Short payloads for segment values (a segment column holds at most 20 labels of at most 40
# characters, each on two rows or more, else the column is no segment). Only the segments an analysis picks are shown: age
# group (churn, digital adoption) and plan (products per customer), so there are just two.
SEGMENT_VALUES = {
    "age_group": [
        f"<img src=x onerror={SHORT}>",
        f"<svg onload={SHORT}>",
        f"<script src={CANARY}/s1></script>",
        f"</title><svg onload={SHORT}>",
        f'" autofocus onfocus="{SHORT}',
        f"' autofocus onfocus='{SHORT2}",
        f"&lt;script&gt;{SHORT}",
        f"&#x3C;svg onload={SHORT}&#x3E;",
        f"javascript:{SHORT}",
        f"<svg><script>{SHORT}</script>",
        f"--><img src=x onerror={SHORT}>",
        f"<video src=x onerror={SHORT}>",
        f"<a href=javascript:{SHORT}>",
    ],
    "plan": [
        "<!--",
        "]]>",
        f"<style>@import'{CANARY}/s2'",
        f"<base href={CANARY}/s3/>",
        f"<iframe src={CANARY}/s4>",
        f"<img src={CANARY}/s5>",
        f"\u202e<svg onload={SHORT}>",
        "a\u2028b\u2029c<svg>",
        f"<details open ontoggle={SHORT}>",
        "&amp;&lt;&gt;&quot;&#39;&#0;&",
        "<meta http-equiv=refresh content=0>",
        f"<body onload={SHORT}>",
        "\u0000<script>",
    ],
}

# Column headers: each still names its role (age group, plan), then carries payloads.
HEADERS = {
    "id": "customer_id",
    "comment": "comment",
    "rating": "satisfaction_score",
    "value": "order_value",
    "churned": "churned",
    "age_group": f"age_group <svg onload=\"{js('h1')}\"> </title><script>{js('h4')}</script> &lt;script&gt;",
    "plan": f"plan\"><img src=x onerror=\"{js('h2')}\"> <a href=\"javascript:{js('h3')}\">x</a> ' autofocus onfocus='{js('h5', chr(34))}' <meta http-equiv=\"refresh\" content=\"0;url={CANARY}/h6\">",
    "products": "cross_products",
    "logins": "mobile_app_logins",
    "transactions": "monthly_transactions",
}

# Comments: a theme's words, a payload in the same clause, a negative word. Three per theme,
# so each is among the (at most three) quotes shown for its issue.
THEME_LEADS = [
    ("delivery", "The delivery was terribly late {p} awful"),
    ("delivery", "The parcel was late {p} terrible"),
    ("delivery", "Very late delivery {p} never again"),
    ("price", "Way too expensive {p} horrible"),
    ("price", "The price is outrageous {p} awful"),
    ("price", "Overpriced {p} terrible value"),
    ("shipping_cost", "Shipping costs too high {p} awful"),
    ("shipping_cost", "Terrible shipping fees {p} horrible"),
    ("shipping_cost", "Expensive shipping {p} bad"),
    ("support", "Support was terrible {p} rude"),
    ("support", "Rude customer service {p} awful"),
    ("support", "Nobody replied {p} useless support"),
    ("quality", "Poor quality {p} awful"),
    ("quality", "Broken on day one {p} horrible"),
    ("quality", "Faulty {p} bad"),
    ("packaging", "Packaging was poor {p} awful"),
    ("packaging", "Crushed box {p} terrible"),
    ("packaging", "Horrible packing {p} bad"),
    ("eco", "Not eco-friendly at all {p} terrible"),
    ("eco", "So much plastic {p} awful"),
    ("eco", "Bad for the planet {p} horrible"),
    ("returns", "The return was a nightmare {p} awful"),
    ("returns", "Refund refused {p} terrible"),
    ("returns", "Horrible returns {p} bad"),
    ("usability", "The app is confusing {p} awful"),
    ("usability", "Checkout crashed {p} terrible"),
    ("usability", "Buggy website {p} horrible"),
]


def main():
    rows = []
    manifest = []
    tags = list(tag_payloads("c00").keys())
    urls = list(url_payloads("i00").keys())
    for index, (theme, lead) in enumerate(THEME_LEADS):
        n = index + 1
        ckey = f"c{n:02d}"
        cname = tags[index % len(tags)]
        comment_payload = tag_payloads(ckey)[cname]
        comment = lead.format(p=comment_payload)
        # Ids: a payload on every other row (an id column must not look like prose).
        ikey = f"i{n:02d}"
        if n % 2 == 1 and n < len(THEME_LEADS):  # under half the ids: an id column is no prose
            iname = urls[(n // 2) % len(urls)]
            row_id = url_payloads(ikey)[iname]
            manifest.append(("url", "id", ikey, iname, row_id))
        else:
            row_id = str(1000 + n)
        manifest.append(("tag", "comment", ckey, f"{theme}/{cname}", comment_payload))
        segment = {col: SEGMENT_VALUES[col][index % len(SEGMENT_VALUES[col])] for col in SEGMENT_VALUES}
        rows.append({
            "id": row_id,
            "comment": comment,
            "rating": str(1 + index % 4),
            "value": f"${40 + 7 * n}",
            "churned": "Yes" if index % 3 == 0 else "No",
            "age_group": segment["age_group"],
            "plan": segment["plan"],
            "products": str(1 + index % 3),
            "logins": str(index % 7),
            "transactions": str(3 + index % 5),
        })
    for col, values in SEGMENT_VALUES.items():
        for i, value in enumerate(values):
            manifest.append(("short", f"segment:{col}", f"s{col}{i}", col, value))
    for role, header in HEADERS.items():
        if header not in ("customer_id", "comment", "satisfaction_score", "order_value", "churned",
                          "cross_products", "mobile_app_logins", "monthly_transactions"):
            manifest.append(("tag", "header", f"h:{role}", role, header))

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([HEADERS[k] for k in HEADERS])
    for row in rows:
        writer.writerow([row[k] for k in HEADERS])
    with open(os.path.join(HERE, "export.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())

    # The persona: payloads in every free-text field; its goals still choose lenses and analyses.
    persona = {
        "name": f"<script>{js('n1')}</script><img src=x onerror=\"{js('n2')}\"> \" onmouseover=\"{js('n3')}\" ' autofocus onfocus='{js('n4', chr(34))}' &lt;b&gt; &#x3C;i&#x3E; \u202eCFO\u202c",
        "description": f"</title><svg onload=\"{js('d1')}\"> <a href=\"javascript:{js('d2')}\">x</a> <meta http-equiv=\"refresh\" content=\"0;url={CANARY}/d3\"> <base href=\"{CANARY}/d4/\"> <style>@import '{CANARY}/d5.css';</style> ]]> <!-- &amp;lt;",
        "goals": [
            f"Reduce customer churn <script>{js('g1')}</script>",
            f"Prioritize the roadmap blockers <img src=x onerror=\"{js('g2')}\">",
            f"Increase cross-sell <svg onload=\"{js('g3')}\">",
            f"Improve digital adoption <iframe srcdoc=\"<script>{js('g4')}</script>\"></iframe>",
            f"Enhance customer satisfaction <a href=\"javascript:{js('g5')}\">NPS</a>",
            f"Sustainability and ethical sourcing </title><script>{js('g6')}</script>",
            f"Protect revenue and profit margins \" onmouseover=\"{js('g7')}\" x=\"",
            f"Reduce fraud losses <img src=\"{CANARY}/g8.png\">",
        ],
        "pain_points": [
            f"Refunds and churn eating into profit <svg><script>{js('p1')}</script></svg>",
            f"Complaints nobody fixes &lt;script&gt;{js('p2')}&lt;/script&gt;",
            f"Greenwashing claims &#x3C;img src=x onerror={js('p3')}&#x3E;",
        ],
        "preferences": {"tone": f"insightful <svg onload={SHORT}>", "detail_level": "high"},
        "traits": {"x<script>": f"<img src=x onerror=\"{js('t1')}\">"},
    }
    # The same with a payload id (an id defaults to the file name; a file may also set it).
    persona_id = dict(persona)
    persona_id["id"] = f"x\"><img src=x onerror=\"{js('id1')}\"><b x=\"' autofocus onfocus='{js('id2', chr(34))}"
    persona_id["name"] = f"Id payload <svg onload=\"{js('n5')}\">"
    # A persona no lens serves: shown only under "Not shown" (when personas are not named).
    unserved = {
        "name": f"Unserved <img src=x onerror=\"{js('n6')}\"> \" onfocus=\"{js('n7')}\"",
        "description": "Reads nothing in this data.",
        "goals": [f"Reduce fraud losses <script>{js('g9')}</script>"],
        "preferences": {"tone": "practical", "detail_level": "low"},
    }
    os.makedirs(os.path.join(HERE, "personas"), exist_ok=True)
    for name, value in [("payload_persona", persona), ("payload_persona_id", persona_id), ("payload_unserved", unserved)]:
        with open(os.path.join(HERE, "personas", f"{name}.json"), "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=True, indent=2)
            f.write("\n")
    for name, value in [("payload_persona", persona), ("payload_persona_id", persona_id), ("payload_unserved", unserved)]:
        for field in ("id", "name", "description"):
            if field in value:
                # An id is never shown as text: it names the section (an attribute).
                kind = "attr" if field == "id" else "tag"
                manifest.append((kind, f"persona:{name}.{field}", f"{name}.{field}", field, value[field]))
        for i, goal in enumerate(value.get("goals", [])):
            manifest.append(("tag", f"persona:{name}.goals", f"{name}.goals{i}", "goal", goal))
        for i, pain in enumerate(value.get("pain_points", [])):
            manifest.append(("tag", f"persona:{name}.pain_points", f"{name}.pain{i}", "pain_point", pain))

    def clean(text):
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r").replace("\u0000", "\\0")

    with open(os.path.join(HERE, "payloads.tsv"), "w", encoding="utf-8") as f:
        f.write("# kind\tplace\tkey\tname\tpayload (\\0 \\t \\n \\\\ escaped); written by make_corpus.py\n")
        for kind, place, key, name, payload in manifest:
            f.write(f"{kind}\t{place}\t{key}\t{name}\t{clean(payload)}\n")


if __name__ == "__main__":
    main()
