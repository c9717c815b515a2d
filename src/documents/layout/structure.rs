//! The logical structure of a document, built as it is laid out: headings, paragraphs,
//! lists, tables and figures, in reading order, each holding the text it shows. It
//! becomes the PDF's structure tree (tagged PDF, PDF/UA-1), which is what a screen reader
//! reads. Whatever is laid out outside it (running headers and footers, rules, shading,
//! the boxes behind chips) is decoration, written as an artifact.

/// A structure element's standard type.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Document,
    H1,
    H2,
    H3,
    P,
    L,
    LI,
    LBody,
    Table,
    TR,
    /// A header cell, for its column.
    TH,
    TD,
    /// A picture of something, said in words for those who cannot see it.
    Figure {
        alt: String,
    },
}

impl Kind {
    /// The standard structure type's name, as the PDF writes it.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Document => "Document",
            Kind::H1 => "H1",
            Kind::H2 => "H2",
            Kind::H3 => "H3",
            Kind::P => "P",
            Kind::L => "L",
            Kind::LI => "LI",
            Kind::LBody => "LBody",
            Kind::Table => "Table",
            Kind::TR => "TR",
            Kind::TH => "TH",
            Kind::TD => "TD",
            Kind::Figure { .. } => "Figure",
        }
    }

    /// Elements that hold content themselves, rather than only other elements.
    fn holds_content(&self) -> bool {
        !matches!(self, Kind::Document | Kind::L | Kind::LI | Kind::Table | Kind::TR)
    }
}

/// What an element holds, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Kid {
    Element(usize),
    /// An item of a page (its index in the page's items).
    Item {
        page: usize,
        item: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub kind: Kind,
    pub parent: usize,
    pub kids: Vec<Kid>,
}

/// A document's structure: element 0 is the Document, the root.
#[derive(Clone, Debug, PartialEq)]
pub struct Structure {
    pub elements: Vec<Element>,
    /// The elements open now, innermost last (the Document always).
    open: Vec<usize>,
}

impl Default for Structure {
    fn default() -> Self {
        Structure { elements: vec![Element { kind: Kind::Document, parent: 0, kids: vec![] }], open: vec![0] }
    }
}

impl Structure {
    /// Opens an element inside the innermost open one; returns its index.
    pub fn begin(&mut self, kind: Kind) -> usize {
        let parent = self.innermost();
        let index = self.elements.len();
        self.elements.push(Element { kind, parent, kids: vec![] });
        self.elements[parent].kids.push(Kid::Element(index));
        self.open.push(index);
        index
    }

    /// Opens again an element made earlier (a table cell whose row runs on to the next
    /// page), so what follows goes into it.
    pub fn reopen(&mut self, index: usize) {
        self.open.push(index);
    }

    /// Closes the innermost open element (never the Document).
    pub fn end(&mut self) {
        if self.open.len() > 1 {
            self.open.pop();
        }
    }

    fn innermost(&self) -> usize {
        *self.open.last().expect("the Document is always open")
    }

    /// Whether content laid out now goes into an element that holds content (a paragraph,
    /// a cell, a figure) rather than needing one of its own.
    pub fn in_content(&self) -> bool {
        self.elements[self.innermost()].kind.holds_content()
    }

    /// Whether graphics laid out now are part of the content: only inside a figure.
    pub fn in_figure(&self) -> bool {
        matches!(self.elements[self.innermost()].kind, Kind::Figure { .. })
    }

    /// Records an item of a page as content of the innermost open element.
    pub fn attach(&mut self, page: usize, item: usize) {
        let element = self.innermost();
        self.elements[element].kids.push(Kid::Item { page, item });
    }

    /// Each page's items' elements, `None` for an artifact: what the content writer marks.
    pub fn elements_by_item(&self, items_per_page: &[usize]) -> Vec<Vec<Option<usize>>> {
        let mut by_item: Vec<Vec<Option<usize>>> = items_per_page.iter().map(|n| vec![None; *n]).collect();
        for (index, element) in self.elements.iter().enumerate() {
            for kid in &element.kids {
                if let Kid::Item { page, item } = kid
                    && let Some(slot) = by_item.get_mut(*page).and_then(|p| p.get_mut(*item))
                {
                    *slot = Some(index);
                }
            }
        }
        by_item
    }

    /// Elements left with nothing in them (a table cell with no text, say) are dropped
    /// from the tree when written: an empty element says nothing to a reader.
    pub fn is_empty(&self, element: usize) -> bool {
        self.elements[element].kids.iter().all(|kid| match kid {
            Kid::Element(child) => self.is_empty(*child),
            Kid::Item { .. } => false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_goes_to_the_innermost_open_element_in_reading_order() {
        let mut structure = Structure::default();
        assert!(!structure.in_content(), "the Document holds elements, not text");
        let heading = structure.begin(Kind::H1);
        structure.attach(0, 3);
        structure.end();
        let table = structure.begin(Kind::Table);
        structure.begin(Kind::TR);
        let cell = structure.begin(Kind::TD);
        assert!(structure.in_content() && !structure.in_figure());
        structure.attach(0, 5);
        structure.end();
        structure.end();
        structure.end();
        assert_eq!(structure.elements[0].kids, [Kid::Element(heading), Kid::Element(table)]);
        assert_eq!(structure.elements_by_item(&[6])[0], [None, None, None, Some(heading), None, Some(cell)]);
        let empty_row = {
            structure.begin(Kind::TR);
            let row = structure.begin(Kind::TD);
            structure.end();
            structure.end();
            row
        };
        assert!(structure.is_empty(empty_row) && !structure.is_empty(table));
    }
}
