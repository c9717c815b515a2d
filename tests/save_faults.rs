//! Saves that fail part-way — after the temporary write, at the backup, at the rename,
//! with the disk full — and leave the board file and its backup as they were.

use std::fs::Permissions;
use std::io;
use std::path::{Path, PathBuf};

use improvement_board::board_file::{self, Disk, RealDisk, backup_path, save, save_with};
use improvement_board::sample::sample_board;

/// A disk whose `fail_at`-th operation fails with `error`; a failing write first writes
/// half its bytes, as a full disk does.
struct FaultyDisk {
    operations: usize,
    fail_at: usize,
    error: fn() -> io::Error,
}

impl FaultyDisk {
    fn step(&mut self) -> io::Result<()> {
        self.operations += 1;
        if self.operations == self.fail_at { Err((self.error)()) } else { Ok(()) }
    }
}

impl Disk for FaultyDisk {
    fn write_synced(&mut self, path: &Path, bytes: &[u8], permissions: Option<&Permissions>) -> io::Result<()> {
        if let Err(error) = self.step() {
            std::fs::write(path, &bytes[..bytes.len() / 2])?;
            return Err(error);
        }
        RealDisk.write_synced(path, bytes, permissions)
    }

    fn copy_synced(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        self.step()?;
        RealDisk.copy_synced(from, to)
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        self.step()?;
        RealDisk.rename(from, to)
    }
}

fn disk_full() -> io::Error {
    io::Error::from_raw_os_error(28)
}

fn refused() -> io::Error {
    io::Error::new(io::ErrorKind::PermissionDenied, "refused")
}

fn folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("improvement-board-faults-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// A board saved twice, so both the file and its backup exist; returns their bytes.
fn saved_twice(folder: &Path) -> (PathBuf, Vec<u8>, Vec<u8>) {
    let path = folder.join("board.ron");
    let mut board = sample_board();
    save(&board, &path).unwrap();
    board.title.push_str(" (second save)");
    save(&board, &path).unwrap();
    (path.clone(), std::fs::read(&path).unwrap(), std::fs::read(backup_path(&path)).unwrap())
}

fn leftovers(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect()
}

#[test]
fn every_failing_step_leaves_the_board_and_its_backup_whole() {
    // A save makes four operations: write the temporary file, copy the backup, rename the
    // backup into place, rename the temporary file over the board.
    for (fail_at, error, what) in [
        (1, disk_full as fn() -> io::Error, "disk full while writing the temporary file"),
        (1, refused, "the temporary file cannot be written"),
        (2, disk_full, "disk full while copying the backup"),
        (3, refused, "the backup cannot be renamed into place"),
        (4, refused, "the final rename fails"),
    ] {
        let folder = folder(&format!("step{fail_at}"));
        let (path, before, backup_before) = saved_twice(&folder);
        let mut changed = sample_board();
        changed.title = "A change that must not half-land".into();
        let mut disk = FaultyDisk { operations: 0, fail_at, error };
        let outcome = save_with(&mut disk, &changed, &path);
        let error = outcome.expect_err(what);
        assert!(error.to_string().contains("the previous file is unchanged"), "{what}: {error}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{what}: the board file is as it was");
        let backup_now = std::fs::read(backup_path(&path)).unwrap();
        assert!(backup_now == backup_before || backup_now == before, "{what}: the backup is a whole earlier version");
        board_file::load(&path).expect("the board still loads");
        board_file::load(&backup_path(&path)).expect("the backup still loads");
        assert!(leftovers(&folder).is_empty(), "{what}: temporary files removed: {:?}", leftovers(&folder));
    }
}

#[test]
fn a_save_that_succeeds_after_a_failed_one_lands_whole() {
    let folder = folder("retry");
    let (path, before, _) = saved_twice(&folder);
    let mut changed = sample_board();
    changed.title = "Saved at the second attempt".into();
    let mut disk = FaultyDisk { operations: 0, fail_at: 1, error: disk_full };
    assert!(save_with(&mut disk, &changed, &path).is_err());
    save(&changed, &path).unwrap();
    assert_eq!(board_file::load(&path).unwrap().title, "Saved at the second attempt");
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), before);
}

#[cfg(unix)]
mod on_unix {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_save_keeps_the_boards_permissions_and_its_backups_too() {
        for kept in [0o600, 0o640, 0o664] {
            let folder = folder(&format!("mode{kept:o}"));
            let (path, _, _) = saved_twice(&folder);
            std::fs::set_permissions(&path, Permissions::from_mode(kept)).unwrap();
            let mut changed = sample_board();
            changed.title = "Saved again".into();
            save(&changed, &path).unwrap();
            assert_eq!(mode(&path), kept, "the board stays {kept:o}");
            assert_eq!(mode(&backup_path(&path)), kept, "its backup is no more open than the board was");
        }
    }

    #[test]
    fn a_read_only_board_is_refused_and_left_as_it_was() {
        let folder = folder("read-only");
        let (path, before, _) = saved_twice(&folder);
        std::fs::set_permissions(&path, Permissions::from_mode(0o444)).unwrap();
        let error = save(&sample_board(), &path).expect_err("a read-only board is not overwritten");
        assert!(error.to_string().contains("the file is read-only, so it was not saved"), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(mode(&path), 0o444);
        assert!(leftovers(&folder).is_empty());
    }

    #[test]
    fn a_board_that_is_a_link_is_saved_through_it_to_the_real_file() {
        let folder = folder("link");
        std::fs::create_dir_all(folder.join("shared")).unwrap();
        let real = folder.join("shared/board.ron");
        save(&sample_board(), &real).unwrap();
        let link = folder.join("board.ron");
        symlink("shared/board.ron", &link).unwrap();
        let mut changed = sample_board();
        changed.title = "Saved through the link".into();
        save(&changed, &link).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is still a link");
        assert_eq!(board_file::load(&real).unwrap().title, "Saved through the link", "the real file changed");
        assert!(backup_path(&real).is_file(), "the backup is beside the real file");
        assert!(leftovers(&folder.join("shared")).is_empty() && leftovers(&folder).is_empty());
    }

    #[test]
    fn a_link_planted_where_a_temporary_file_goes_is_never_followed() {
        let folder = folder("planted");
        let victim = folder.join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        let planted = folder.join(".board.ron.tmp");
        symlink(&victim, &planted).unwrap();
        let error = RealDisk.write_synced(&planted, b"overwritten", None).expect_err("the link is refused");
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        let staged = folder.join(".board.ron.bak.tmp");
        symlink(&victim, &staged).unwrap();
        std::fs::write(folder.join("board.ron"), "board").unwrap();
        assert!(RealDisk.copy_synced(&folder.join("board.ron"), &staged).is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    }
}

#[test]
fn a_board_too_big_to_open_again_is_never_saved() {
    let folder = folder("too-big");
    let (path, before, _) = saved_twice(&folder);
    let mut huge = sample_board();
    let most = board_file::MOST_BYTES as usize;
    huge.actions[0].updates[0].note = "x".repeat(most);
    let error = save(&huge, &path).expect_err("past the limit the loader keeps");
    assert!(error.to_string().contains("a board file may be at most 64 MB (the most the app opens)"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(leftovers(&folder).is_empty());
}
