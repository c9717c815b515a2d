//! Making the written PDF a tagged one (PDF/UA-1): the structure tree built from the
//! document's [`Structure`], each element pointing at the marked content that shows it,
//! the parent tree that leads back from content to element, and what the catalogue must
//! say (marked, in British English, its title shown, identified as PDF/UA in its XMP).

use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::emit::Metadata;
use super::pdf_file::{self, Packed};
use super::structure::{Kid, Kind, Structure};

fn name(text: &str) -> Object {
    Object::Name(text.as_bytes().to_vec())
}

/// Adds the structure tree and the tagged-PDF entries to `pdf`. `marked` gives, per page
/// and per item, the marked-content id the item was written with. The elements and the
/// parent tree, an object per heading, row and cell, come back written as PDF syntax,
/// for [`super::pdf_file`] to pack.
pub fn tag(
    pdf: &mut lopdf::Document,
    page_ids: &[ObjectId],
    structure: &Structure,
    marked: &[Vec<Option<u32>>],
    meta: &Metadata,
) -> Vec<Packed> {
    let ids: Vec<u32> = structure.elements.iter().map(|_| pdf.new_object_id().0).collect();
    let root_id = pdf.new_object_id();
    let page_ids: Vec<u32> = page_ids.iter().map(|id| id.0).collect();
    let mut packed = Vec::with_capacity(ids.len() + 1);
    // Per page, the element each marked-content id belongs to (the parent tree's arrays).
    let mut parents: Vec<Vec<Option<u32>>> = marked.iter().map(|m| vec![None; m.iter().flatten().count()]).collect();
    for (index, element) in structure.elements.iter().enumerate() {
        if index > 0 && structure.is_empty(index) {
            continue;
        }
        // Content on the element's own page is named by its marked-content id alone;
        // content on another page (a cell that runs on) by a reference with its page.
        let home = element.kids.iter().find_map(|kid| match kid {
            Kid::Item { page, item } if marked.get(*page).and_then(|m| m.get(*item)).copied().flatten().is_some() => {
                Some(*page)
            }
            _ => None,
        });
        let parent = if index == 0 { root_id.0 } else { ids[element.parent] };
        let mut body = Vec::with_capacity(96);
        let kind = element.kind.name();
        write!(body, "<</Type/StructElem/S/{kind}/P {parent} 0 R/K[").expect(IN_MEMORY);
        for kid in &element.kids {
            match kid {
                Kid::Element(child) if !structure.is_empty(*child) => write!(body, " {} 0 R", ids[*child]),
                Kid::Element(_) => Ok(()),
                Kid::Item { page, item } => {
                    let Some(mcid) = marked.get(*page).and_then(|m| m.get(*item)).copied().flatten() else { continue };
                    parents[*page][mcid as usize] = Some(ids[index]);
                    if home == Some(*page) {
                        write!(body, " {mcid}")
                    } else {
                        write!(body, " <</Type/MCR/Pg {} 0 R/MCID {mcid}>>", page_ids[*page])
                    }
                }
            }
            .expect(IN_MEMORY);
        }
        body.push(b']');
        if let Some(page) = home {
            write!(body, "/Pg {} 0 R", page_ids[page]).expect(IN_MEMORY);
        }
        match &element.kind {
            Kind::Figure { alt } => {
                body.extend_from_slice(b"/Alt");
                pdf_file::write_object(&mut body, &pdf_file::text_string(alt));
            }
            Kind::TH => body.extend_from_slice(b"/A<</O/Table/Scope/Column>>"),
            _ => {}
        }
        body.extend_from_slice(b">>");
        packed.push(Packed { id: ids[index], body });
    }
    let parent_tree_id = pdf.new_object_id();
    let mut tree = b"<</Nums[".to_vec();
    for (page, (page_id, elements)) in page_ids.iter().zip(&parents).enumerate() {
        if let Ok(dict) = pdf.get_object_mut((*page_id, 0)).and_then(Object::as_dict_mut) {
            dict.set("StructParents", Object::Integer(page as i64));
        }
        write!(tree, " {page} [").expect(IN_MEMORY);
        // Every id was written for an element, so none is left empty.
        for element in elements {
            match element {
                Some(id) => write!(tree, " {id} 0 R"),
                None => write!(tree, " null"),
            }
            .expect(IN_MEMORY);
        }
        tree.push(b']');
    }
    tree.extend_from_slice(b"]>>");
    packed.push(Packed { id: parent_tree_id.0, body: tree });
    let mut root = Dictionary::new();
    root.set("Type", name("StructTreeRoot"));
    root.set("K", Object::Reference((ids[0], 0)));
    root.set("ParentTree", Object::Reference(parent_tree_id));
    root.set("ParentTreeNextKey", Object::Integer(page_ids.len() as i64));
    pdf.objects.insert(root_id, Object::Dictionary(root));

    let metadata_id = pdf.add_object(Object::Stream(xmp(meta)));
    let catalog_id = pdf.trailer.get(b"Root").and_then(Object::as_reference).expect("printpdf writes a catalogue");
    let catalog = pdf.get_object_mut(catalog_id).and_then(Object::as_dict_mut).expect("the catalogue is a dictionary");
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    catalog.set("Lang", pdf_file::text_string("en-GB"));
    let mut viewer = Dictionary::new();
    viewer.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(viewer));
    catalog.set("Metadata", Object::Reference(metadata_id));
    pdf.version = "1.7".into();
    packed
}

const IN_MEMORY: &str = "writing to memory cannot fail";

fn xml_escaped(value: &str) -> String {
    value.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The XMP metadata: title, author, subject, dates, producer, and the PDF/UA part.
fn xmp(meta: &Metadata) -> Stream {
    let date = meta.created.format("%Y-%m-%dT%H:%M:%S").to_string();
    let body = format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<xmp:CreatorTool>improvement-board</xmp:CreatorTool>
<pdf:Producer>improvement-board</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        title = xml_escaped(&meta.title),
        author = xml_escaped(&meta.author),
        subject = xml_escaped(&meta.subject),
    );
    let mut dict = Dictionary::new();
    dict.set("Type", name("Metadata"));
    dict.set("Subtype", name("XML"));
    // Left uncompressed, as XMP readers that scan for the packet expect.
    let mut stream = Stream::new(dict, body.into_bytes());
    stream.allows_compression = false;
    stream
}
