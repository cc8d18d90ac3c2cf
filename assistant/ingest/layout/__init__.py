"""Reading paged and styled documents as a person does: lines unwrapped into paragraphs, running headers and
footers set aside, two-column pages in reading order, tables as rows with their column headers, headings marked.

``pdf.read_pdf`` (pdfplumber) and ``docx.read_docx`` (python-docx) produce blocks (``blocks.Block``);
``blocks.assemble`` writes them as one text with the offsets of its pages and headings.
"""
