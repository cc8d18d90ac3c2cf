from assistant.render import answer_markdown, escape_text, passage_html
from assistant.results import Answer, Citation


def test_source_markup_is_shown_as_text():
    doc = "Avant. <script>alert('x')</script> <img src=x onerror=alert(1)> Après."
    c = Citation(n=1, doc="x.txt", title="<b>Titre</b>", text=doc, start=0, end=len(doc), score=1.0,
                 highlights=((7, 34),))
    html = passage_html(c, doc, {"territory": "<i>T</i>"})
    assert "<script>" not in html and "<img" not in html and "<b>Titre" not in html
    assert "&lt;script&gt;" in html and "<mark>" in html and "<strong>" in html
    md = answer_markdown(Answer(text=f"{doc} [1]", refused=False, citations=[c]))
    assert "<script>" not in md and "<img" not in md
    assert '<a href="#ctg-cit-1" class="ctg-cite">[1]</a>' in md


def test_markdown_syntax_is_neutralised():
    assert escape_text("*gras* [lien](http://x)") == "\\*gras\\* \\[lien\\]\\(http://x\\)"
