//! Export of annotations to JSON, JSON Lines, CSV, Markdown and W3C Web
//! Annotation. One module per format; the CLI and the TUI call the same functions.
