//! Making the written PDF a tagged one (PDF/UA-1): the structure tree built from the
//! document's [`Structure`], each element pointing at the marked content that shows it,
//! the parent tree that leads back from content to element, and what the catalogue must
//! say (marked, in British English, its title shown, identified as PDF/UA in its XMP).

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

use super::emit::Metadata;
use super::structure::{Kid, Kind, Structure};

fn name(text: &str) -> Object {
    Object::Name(text.as_bytes().to_vec())
}

fn text(value: &str) -> Object {
    // Text strings in UTF-16BE with its byte-order mark, so any character survives.
    let mut bytes = vec![0xFE, 0xFF];
    for unit in value.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Adds the structure tree and the tagged-PDF entries to `pdf`. `marked` gives, per page
/// and per item, the marked-content id the item was written with.
pub fn tag(
    pdf: &mut lopdf::Document,
    page_ids: &[ObjectId],
    structure: &Structure,
    marked: &[Vec<Option<u32>>],
    meta: &Metadata,
) {
    let ids: Vec<ObjectId> = structure.elements.iter().map(|_| pdf.new_object_id()).collect();
    let root_id = pdf.new_object_id();
    // Per page, the element each marked-content id belongs to (the parent tree's arrays).
    let mut parents: Vec<Vec<Option<ObjectId>>> =
        marked.iter().map(|m| vec![None; m.iter().flatten().count()]).collect();
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
        let mut kids = Vec::new();
        for kid in &element.kids {
            match kid {
                Kid::Element(child) if !structure.is_empty(*child) => kids.push(Object::Reference(ids[*child])),
                Kid::Element(_) => {}
                Kid::Item { page, item } => {
                    let Some(mcid) = marked.get(*page).and_then(|m| m.get(*item)).copied().flatten() else { continue };
                    if home == Some(*page) {
                        kids.push(Object::Integer(i64::from(mcid)));
                    } else {
                        let mut reference = Dictionary::new();
                        reference.set("Type", name("MCR"));
                        reference.set("Pg", Object::Reference(page_ids[*page]));
                        reference.set("MCID", Object::Integer(i64::from(mcid)));
                        kids.push(Object::Dictionary(reference));
                    }
                    parents[*page][mcid as usize] = Some(ids[index]);
                }
            }
        }
        let mut dict = Dictionary::new();
        dict.set("Type", name("StructElem"));
        dict.set("S", name(element.kind.name()));
        dict.set("P", Object::Reference(if index == 0 { root_id } else { ids[element.parent] }));
        dict.set("K", Object::Array(kids));
        if let Some(page) = home {
            dict.set("Pg", Object::Reference(page_ids[page]));
        }
        match &element.kind {
            Kind::Figure { alt } => dict.set("Alt", text(alt)),
            Kind::TH => {
                let mut attributes = Dictionary::new();
                attributes.set("O", name("Table"));
                attributes.set("Scope", name("Column"));
                dict.set("A", Object::Dictionary(attributes));
            }
            _ => {}
        }
        pdf.objects.insert(ids[index], Object::Dictionary(dict));
    }
    let mut nums = Vec::new();
    for (page, (page_id, elements)) in page_ids.iter().zip(&parents).enumerate() {
        if let Ok(dict) = pdf.get_object_mut(*page_id).and_then(Object::as_dict_mut) {
            dict.set("StructParents", Object::Integer(page as i64));
        }
        nums.push(Object::Integer(page as i64));
        // Every id was written for an element, so none is left empty.
        nums.push(Object::Array(elements.iter().map(|e| e.map_or(Object::Null, Object::Reference)).collect()));
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", Object::Array(nums));
    let parent_tree_id = pdf.add_object(Object::Dictionary(parent_tree));
    let mut root = Dictionary::new();
    root.set("Type", name("StructTreeRoot"));
    root.set("K", Object::Reference(ids[0]));
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
    catalog.set("Lang", text("en-GB"));
    let mut viewer = Dictionary::new();
    viewer.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(viewer));
    catalog.set("Metadata", Object::Reference(metadata_id));
    pdf.version = "1.7".into();
}

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
