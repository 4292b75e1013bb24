"""``kehoach lsp``: the language server (diagnostics, hover, completion, quick fixes) over stdio."""
