//! The chart's SVG rasterised in pure Rust (resvg), for the clipboard and PNG files. Text uses
//! egui's embedded default font, so the picture is the same on every machine and needs no
//! system font library.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::ChartError;

/// An RGBA image, 8 bits per channel, not premultiplied, rows top to bottom (what arboard takes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub width: usize,
    pub height: usize,
    pub rgba: Vec<u8>,
}

impl Image {
    /// How many different colours the image holds (a blank or failed drawing has one or two).
    pub fn distinct_colors(&self) -> usize {
        let mut seen = std::collections::HashSet::new();
        for px in self.rgba.chunks_exact(4) {
            seen.insert([px[0], px[1], px[2], px[3]]);
        }
        seen.len()
    }
}

/// The fonts the SVG's `sans-serif` and `monospace` resolve to, loaded once.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
            let family = db
                .faces()
                .next()
                .and_then(|f| f.families.first())
                .map(|(name, _)| name.clone());
            db.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
            if let Some(family) = family {
                db.set_sans_serif_family(family.clone());
                db.set_serif_family(family);
            }
            db.set_monospace_family("Hack");
            Arc::new(db)
        })
        .clone()
}

fn pixmap(svg: &str, scale: f32) -> Result<tiny_skia::Pixmap, ChartError> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| ChartError::Svg(e.to_string()))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(|| ChartError::Svg(format!("cannot scale the chart by {scale}")))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| ChartError::Svg("the chart has no area".to_owned()))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// The SVG drawn at `scale` (2.0 for a sharp copy on a high-density screen).
pub fn rasterize(svg: &str, scale: f32) -> Result<Image, ChartError> {
    let pixmap = pixmap(svg, scale)?;
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Ok(Image {
        width: pixmap.width() as usize,
        height: pixmap.height() as usize,
        rgba,
    })
}

/// The SVG as PNG file bytes.
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, ChartError> {
    pixmap(svg, scale)?
        .encode_png()
        .map_err(|e| ChartError::Png(e.to_string()))
}
