//! Figures and tables as the analyst pastes them: citations, TSV and HTML. TODO(annotations helper).
