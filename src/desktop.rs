//! Desktop integration: installing the `.desktop` entry and icons. TODO(desktop helper).
