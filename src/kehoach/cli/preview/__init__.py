"""``kehoach preview``: the document as A4 pages in the browser, with its findings, updated on save."""
