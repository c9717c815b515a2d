//! Writing the finished document as PDF bytes: streams written out, every other object
//! packed into compressed object streams, and a cross-reference stream.
//!
//! lopdf can do this too, but it clones each object into its object streams and keeps
//! both: for a tagged 600-page report, with an object for every heading, row and cell,
//! that took two thirds of the export's time and 150 MB. Here the structure elements
//! arrive already written as PDF syntax ([`Packed`]) and are never lopdf objects at all.

use std::io::Write;

use lopdf::{Dictionary, Object, StringFormat};

/// Objects in each object stream: a reader decompresses a whole stream to reach one.
const OBJECTS_PER_STREAM: usize = 500;

/// An object already written as PDF syntax, to be packed into an object stream.
pub struct Packed {
    pub id: u32,
    pub body: Vec<u8>,
}

/// Where the cross-reference stream says an object is.
#[derive(Clone, Copy)]
enum Entry {
    Free,
    At(usize),
    InStream { stream: u32, index: usize },
}

/// The file: `pdf`'s streams written directly, its other objects and `packed` in object
/// streams. `pdf`'s trailer gives the catalogue and the document information.
pub fn write_file(pdf: lopdf::Document, mut packed: Vec<Packed>) -> Vec<u8> {
    let mut out = format!("%PDF-{}\n%\u{e2}\u{e3}\u{cf}\u{d3}\n", pdf.version).into_bytes();
    let mut entries = vec![Entry::Free; pdf.max_id as usize + 1];
    for ((id, generation), object) in pdf.objects {
        if let Object::Stream(_) = object {
            entries[id as usize] = Entry::At(out.len());
            write_indirect(&mut out, id, generation, &object);
        } else if generation == 0 {
            let mut body = Vec::new();
            write_object(&mut body, &object);
            packed.push(Packed { id, body });
        } else {
            entries[id as usize] = Entry::At(out.len());
            write_indirect(&mut out, id, generation, &object);
        }
    }
    packed.sort_unstable_by_key(|object| object.id);
    let mut next_id = pdf.max_id + 1;
    for chunk in packed.chunks(OBJECTS_PER_STREAM) {
        let stream = next_id;
        next_id += 1;
        let mut header = Vec::new();
        let mut bodies = Vec::new();
        for (index, object) in chunk.iter().enumerate() {
            write!(header, "{} {} ", object.id, bodies.len()).expect("writing to memory cannot fail");
            bodies.extend_from_slice(&object.body);
            bodies.push(b'\n');
            grow(&mut entries, object.id);
            entries[object.id as usize] = Entry::InStream { stream, index };
        }
        let first = header.len();
        header.extend_from_slice(&bodies);
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"ObjStm".to_vec()));
        dict.set("N", Object::Integer(chunk.len() as i64));
        dict.set("First", Object::Integer(first as i64));
        grow(&mut entries, stream);
        entries[stream as usize] = Entry::At(out.len());
        write_indirect(&mut out, stream, 0, &Object::Stream(compressed(dict, &header)));
    }
    drop(packed);

    let xref = next_id;
    grow(&mut entries, xref);
    let xref_offset = out.len();
    entries[xref as usize] = Entry::At(xref_offset);
    let mut rows = Vec::with_capacity(entries.len() * 7);
    for entry in &entries {
        let (kind, field, index) = match *entry {
            Entry::Free => (0u8, 0u32, 0u16),
            Entry::At(offset) => (1, u32::try_from(offset).expect("a PDF under 4 GB"), 0),
            Entry::InStream { stream, index } => (2, stream, index as u16),
        };
        rows.push(kind);
        rows.extend_from_slice(&field.to_be_bytes());
        rows.extend_from_slice(&index.to_be_bytes());
    }
    let mut dict = Dictionary::new();
    for (key, value) in pdf.trailer.iter() {
        if matches!(key.as_slice(), b"Root" | b"Info" | b"ID") {
            dict.set(key.clone(), value.clone());
        }
    }
    dict.set("Type", Object::Name(b"XRef".to_vec()));
    dict.set("Size", Object::Integer(i64::from(xref) + 1));
    dict.set("W", Object::Array(vec![Object::Integer(1), Object::Integer(4), Object::Integer(2)]));
    write_indirect(&mut out, xref, 0, &Object::Stream(compressed(dict, &rows)));
    write!(out, "startxref\n{xref_offset}\n%%EOF\n").expect("writing to memory cannot fail");
    out
}

fn grow(entries: &mut Vec<Entry>, id: u32) {
    if entries.len() <= id as usize {
        entries.resize(id as usize + 1, Entry::Free);
    }
}

fn compressed(mut dict: Dictionary, content: &[u8]) -> lopdf::Stream {
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    let mut stream = lopdf::Stream::new(dict, super::emit::deflate(content));
    stream.allows_compression = false;
    stream
}

fn write_indirect(out: &mut Vec<u8>, id: u32, generation: u16, object: &Object) {
    writeln!(out, "{id} {generation} obj").expect("writing to memory cannot fail");
    write_object(out, object);
    out.extend_from_slice(b"\nendobj\n");
}

/// `object` in PDF syntax. Strings are written in hexadecimal, which needs no escaping.
pub fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(value) => out.extend_from_slice(if *value { b"true" } else { b"false" }),
        Object::Integer(value) => write!(out, "{value}").expect("writing to memory cannot fail"),
        Object::Real(value) => write!(out, "{value}").expect("writing to memory cannot fail"),
        Object::Name(name) => write_name(out, name),
        Object::String(bytes, _) => write_hex_string(out, bytes),
        Object::Array(items) => {
            out.push(b'[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(b' ');
                }
                write_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => write_dictionary(out, dict),
        Object::Stream(stream) => {
            let mut dict = stream.dict.clone();
            dict.set("Length", Object::Integer(stream.content.len() as i64));
            write_dictionary(out, &dict);
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, generation)) => {
            write!(out, "{id} {generation} R").expect("writing to memory cannot fail")
        }
    }
}

fn write_dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict.iter() {
        write_name(out, key);
        out.push(b' ');
        write_object(out, value);
    }
    out.extend_from_slice(b">>");
}

/// A name, with white space, delimiters and bytes outside printable ASCII as `#XX`.
pub fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &byte in name {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
            write!(out, "#{byte:02X}").expect("writing to memory cannot fail");
        } else {
            out.push(byte);
        }
    }
}

pub fn write_hex_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'<');
    for byte in bytes {
        write!(out, "{byte:02X}").expect("writing to memory cannot fail");
    }
    out.push(b'>');
}

/// Text in a PDF text string: UTF-16BE with its byte-order mark, so any character survives.
pub fn text_string(value: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in value.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_written_here_reads_back_with_every_object() {
        let mut pdf = lopdf::Document::with_version("1.7");
        let catalog =
            pdf.add_object(lopdf::dictionary! { "Type" => "Catalog", "Note" => text_string("Café (née) \\") });
        let stream = pdf.add_object(lopdf::Stream::new(Dictionary::new(), b"BT ET".to_vec()));
        pdf.trailer.set("Root", Object::Reference(catalog));
        let packed: Vec<Packed> = (0..1200)
            .map(|n| {
                let id = pdf.new_object_id().0;
                Packed { id, body: format!("<</N {n}/Name/A#20b>>").into_bytes() }
            })
            .collect();
        let last = packed.last().map(|p| p.id).unwrap();
        let bytes = write_file(pdf, packed);
        let read = lopdf::Document::load_mem(&bytes).expect("the file reads back");
        let note = read.get_dictionary(catalog).unwrap().get(b"Note").unwrap().as_str().unwrap().to_vec();
        assert_eq!(
            lopdf::decode_text_string(&Object::String(note, StringFormat::Hexadecimal)).unwrap(),
            "Café (née) \\"
        );
        assert_eq!(read.get_object(stream).unwrap().as_stream().unwrap().content, b"BT ET");
        let last = read.get_dictionary((last, 0)).unwrap();
        assert_eq!(last.get(b"N").unwrap().as_i64().unwrap(), 1199);
        assert_eq!(last.get(b"Name").unwrap().as_name().unwrap(), b"A b");
    }
}
