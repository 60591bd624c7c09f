//! Annotations: passages marked with a tag and a note, anchored by quote and context so they
//! survive edits of the text. TODO(annotations helper).
