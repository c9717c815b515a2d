//! The app's own file chooser, for a desktop where the system's file dialog cannot open
//! (no XDG portal, no zenity): the clerk can still open, save, import and export, and is
//! told why this chooser appears instead.
//!
//! Written here rather than taken from a crate: egui-file-dialog is not yet on egui 0.37,
//! and egui_file draws its icons with emoji our typeface does not have. It needs little:
//! a folder, its subfolders and the files of the kind wanted, a name, and the buttons.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};

use super::dialogs::{Answer, FileWanted};

pub struct Chooser {
    pub wanted: FileWanted,
    folder: PathBuf,
    /// The folder as typed in its box, until Enter goes there.
    folder_typed: String,
    /// The file's name: typed, or picked from the list.
    name: String,
    entries: Vec<Entry>,
    /// Why the folder could not be read, if it could not.
    problem: Option<String>,
    /// The file name box has been given the keyboard: a person types the name at once.
    name_focused: bool,
}

struct Entry {
    name: String,
    is_folder: bool,
}

impl Chooser {
    /// A chooser for `wanted`, opening in `folder` (the board's, or the current one).
    pub fn new(wanted: FileWanted, folder: Option<&Path>) -> Chooser {
        // A board opened by a bare name ("board.ron") has an empty folder: the current one.
        let folder = folder
            .filter(|f| !f.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .map(|f| std::path::absolute(&f).unwrap_or(f))
            .unwrap_or_else(|| PathBuf::from("/"));
        let name = wanted.suggested_name().unwrap_or_default().to_string();
        let mut chooser = Chooser {
            wanted,
            folder_typed: String::new(),
            folder: PathBuf::new(),
            name,
            entries: vec![],
            problem: None,
            name_focused: false,
        };
        chooser.go_to(folder);
        chooser
    }

    fn go_to(&mut self, folder: PathBuf) {
        let (_, extensions) = self.wanted.filter();
        let wanted = |path: &Path| {
            path.extension()
                .and_then(OsStr::to_str)
                .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
        };
        match std::fs::read_dir(&folder) {
            Ok(read) => {
                let mut entries: Vec<Entry> = read
                    .filter_map(Result::ok)
                    .filter_map(|entry| {
                        let path = entry.path();
                        let is_folder = path.is_dir();
                        let name = entry.file_name().to_string_lossy().into_owned();
                        (!name.starts_with('.') && (is_folder || wanted(&path))).then_some(Entry { name, is_folder })
                    })
                    .collect();
                entries.sort_by(|a, b| {
                    b.is_folder.cmp(&a.is_folder).then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
                });
                self.entries = entries;
                self.problem = None;
                self.folder_typed = folder.display().to_string();
                self.folder = folder;
            }
            Err(error) => self.problem = Some(format!("{} cannot be read: {error}", folder.display())),
        }
    }

    /// Shows the chooser; its answer once the person has chosen or cancelled.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Answer> {
        let mut answer = None;
        let saving = self.wanted.suggested_name().is_some();
        egui::Modal::new(egui::Id::unique("file-chooser")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading(self.wanted.title());
            ui.horizontal(|ui| {
                let label = ui.label("Folder");
                let typed = ui
                    .add(egui::TextEdit::singleline(&mut self.folder_typed).desired_width(440.0))
                    .labelled_by(label.id);
                if typed.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    self.go_to(PathBuf::from(self.folder_typed.trim()));
                }
                if ui.add_enabled(self.folder.parent().is_some(), egui::Button::new("Up a folder")).clicked() {
                    let parent = self.folder.parent().map(Path::to_path_buf).expect("enabled only with a parent");
                    self.go_to(parent);
                }
            });
            if let Some(problem) = &self.problem {
                ui.colored_label(super::widgets::rag_fill(crate::model::Rag::Red), problem);
            }
            let mut go_into = None;
            egui::ScrollArea::vertical().max_height(260.0).auto_shrink([false, true]).show(ui, |ui| {
                if self.entries.is_empty() {
                    ui.weak(format!("No folders or {} files here.", self.wanted.filter().0.to_lowercase()));
                }
                for entry in &self.entries {
                    let text = if entry.is_folder { format!("{}/", entry.name) } else { entry.name.clone() };
                    let picked = !entry.is_folder && entry.name == self.name;
                    let row = ui.selectable_label(
                        picked,
                        if entry.is_folder { RichText::new(text).strong() } else { text.into() },
                    );
                    if row.clicked() {
                        if entry.is_folder {
                            go_into = Some(self.folder.join(&entry.name));
                        } else {
                            self.name = entry.name.clone();
                        }
                    }
                    if row.double_clicked() && !entry.is_folder {
                        answer = Some(Answer::Chosen(self.wanted.finish(self.folder.join(&entry.name))));
                    }
                }
            });
            if let Some(folder) = go_into {
                self.go_to(folder);
            }
            let mut entered = false;
            ui.horizontal(|ui| {
                let label = ui.label("File name");
                let field =
                    ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(440.0)).labelled_by(label.id);
                if !self.name_focused {
                    field.request_focus();
                    // A suggested name is selected up to its extension, as system dialogs do:
                    // typing replaces it and keeps ".pdf".
                    let stem = self.name.rfind('.').unwrap_or(self.name.len());
                    let stem_chars = self.name[..stem].chars().count();
                    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), field.id).unwrap_or_default();
                    let range = egui::text::CCursorRange::two(
                        egui::text::CCursor::new(0),
                        egui::text::CCursor::new(stem_chars),
                    );
                    state.cursor.set_char_range(Some(range));
                    state.store(ui.ctx(), field.id);
                    self.name_focused = true;
                }
                entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            });
            ui.horizontal(|ui| {
                let ready = !self.name.trim().is_empty();
                let button = ui.add_enabled(ready, egui::Button::new(if saving { "Save" } else { "Open" }));
                if ready && (button.clicked() || entered) {
                    answer = Some(Answer::Chosen(self.wanted.finish(self.folder.join(self.name.trim()))));
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    answer = Some(Answer::Cancelled);
                }
            });
        });
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_board_opened_by_a_bare_name_opens_the_chooser_in_the_current_folder() {
        let chooser = Chooser::new(FileWanted::OpenBoard, Some(Path::new("")));
        assert_eq!(chooser.folder, std::env::current_dir().unwrap());
        assert!(chooser.problem.is_none(), "{:?}", chooser.problem);
    }
}
