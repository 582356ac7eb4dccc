//! Output: the article rebuilt as sanitised HTML, as plain text laid out the way a browser
//! shows it, and as Markdown. All three walk the tree iteratively with [`walk`].

pub mod html;
pub mod markdown;
pub mod text;

use crate::tree::{NodeId, Tree, NONE};

/// A step of a depth-first walk.
pub enum Event {
    Enter(NodeId),
    Exit(NodeId),
}

/// Visits `root`'s subtree (not `root` itself) in document order without recursion.
/// The visitor returns `false` on `Enter` to skip an element's children.
pub fn walk(tree: &Tree, root: NodeId, mut visit: impl FnMut(Event) -> bool) {
    let mut node = tree.first_child(root);
    while node != NONE {
        let descend = visit(Event::Enter(node));
        let first = tree.first_child(node);
        if descend && first != NONE {
            node = first;
            continue;
        }
        visit(Event::Exit(node));
        // Climb until a next sibling exists, closing the elements we leave.
        loop {
            let next = tree.next_sibling(node);
            if next != NONE {
                node = next;
                break;
            }
            node = tree.parent(node);
            if node == root || node == NONE {
                return;
            }
            visit(Event::Exit(node));
        }
    }
}
