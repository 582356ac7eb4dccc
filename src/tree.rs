//! The compact arena tree that ingest builds: only what may end up in an article, with
//! interned tags and the few attributes that matter. Traversals walk sibling and parent
//! links (no recursion, no explicit stack needed), so depth never costs call stack.

pub type NodeId = u32;
/// "No node" in parent / child / sibling links.
pub const NONE: NodeId = u32::MAX;

macro_rules! tags {
    ($($variant:ident = $name:literal),* $(,)?) => {
        /// An element's tag. Names we do not know become [`Tag::Unknown`] and are rendered
        /// as their children only.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Tag { $($variant,)* Unknown }

        impl Tag {
            pub fn from_name(name: &str) -> Tag {
                match name { $($name => Tag::$variant,)* _ => Tag::Unknown }
            }

            pub fn name(self) -> &'static str {
                match self { $(Tag::$variant => $name,)* Tag::Unknown => "span" }
            }
        }
    };
}

tags! {
    A = "a", Abbr = "abbr", Address = "address", Applet = "applet", Article = "article",
    Aside = "aside", Audio = "audio", B = "b", Base = "base", Bdi = "bdi", Bdo = "bdo",
    Big = "big", Blockquote = "blockquote", Body = "body", Br = "br", Button = "button",
    Canvas = "canvas", Caption = "caption", Center = "center", Cite = "cite", Code = "code",
    Col = "col", Colgroup = "colgroup", Data = "data", Datalist = "datalist", Dd = "dd",
    Del = "del", Details = "details", Dfn = "dfn", Dialog = "dialog", Dir = "dir", Div = "div",
    Dl = "dl", Dt = "dt", Em = "em", Embed = "embed", Fieldset = "fieldset",
    Figcaption = "figcaption", Figure = "figure", Font = "font", Footer = "footer",
    Form = "form", Frame = "frame", Frameset = "frameset", H1 = "h1", H2 = "h2", H3 = "h3",
    H4 = "h4", H5 = "h5", H6 = "h6", Head = "head", Header = "header", Hgroup = "hgroup",
    Hr = "hr", Html = "html", I = "i", Iframe = "iframe", Img = "img", Input = "input",
    Ins = "ins", Kbd = "kbd", Label = "label", Legend = "legend", Li = "li", Link = "link",
    Main = "main", Map = "map", Mark = "mark", Marquee = "marquee", Menu = "menu",
    Meta = "meta", Meter = "meter", Nav = "nav", Noembed = "noembed", Noframes = "noframes",
    Noscript = "noscript", Object = "object", Ol = "ol", Optgroup = "optgroup",
    Option = "option", Output = "output", P = "p", Param = "param", Picture = "picture",
    Plaintext = "plaintext", Pre = "pre", Progress = "progress", Q = "q", Rp = "rp", Rt = "rt",
    Ruby = "ruby", S = "s", Samp = "samp", Script = "script", Search = "search",
    Section = "section", Select = "select", Small = "small", Source = "source", Span = "span",
    Strike = "strike", Strong = "strong", Style = "style", Sub = "sub", Summary = "summary",
    Sup = "sup", Svg = "svg", Table = "table", Tbody = "tbody", Td = "td",
    Template = "template", Textarea = "textarea", Tfoot = "tfoot", Th = "th", Thead = "thead",
    Time = "time", Title = "title", Tr = "tr", Track = "track", Tt = "tt", U = "u", Ul = "ul",
    Var = "var", Video = "video", Wbr = "wbr", Xmp = "xmp",
    // MathML, kept verbatim so formulas survive.
    Math = "math", Mi = "mi", Mn = "mn", Mo = "mo", Ms = "ms", Mtext = "mtext", Mrow = "mrow",
    Msup = "msup", Msub = "msub", Msubsup = "msubsup", Mfrac = "mfrac", Msqrt = "msqrt",
    Mroot = "mroot", Mover = "mover", Munder = "munder", Munderover = "munderover",
    Mtable = "mtable", Mtr = "mtr", Mtd = "mtd", Mspace = "mspace", Mstyle = "mstyle",
    Mpadded = "mpadded", Mphantom = "mphantom", Menclose = "menclose", Mfenced = "mfenced",
    Semantics = "semantics", Annotation = "annotation",
}

impl Tag {
    /// `<h1>` to `<h6>`.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    /// `<h2>` to `<h6>`: the headings inside an article (Readability.js scores them; an
    /// `<h1>` is the page title's, and clean-up makes those in the article `<h2>`s).
    pub fn is_subheading(self) -> bool {
        self != Tag::H1 && self.is_heading()
    }

    /// List containers: `<ul>` and `<ol>`.
    pub fn is_list(self) -> bool {
        matches!(self, Tag::Ul | Tag::Ol)
    }

    /// Table cells: `<td>` and `<th>`.
    pub fn is_table_cell(self) -> bool {
        matches!(self, Tag::Td | Tag::Th)
    }

    /// A table's row groups: `<tbody>`, `<thead>`, `<tfoot>`.
    pub fn is_row_group(self) -> bool {
        matches!(self, Tag::Tbody | Tag::Thead | Tag::Tfoot)
    }

    /// Readability.js's embeds: `<object>`, `<embed>`, `<iframe>` (only video iframes
    /// survive ingest).
    pub fn is_embed(self) -> bool {
        matches!(self, Tag::Object | Tag::Embed | Tag::Iframe)
    }

    /// Elements a browser lays out as blocks: text on either side goes on its own line.
    pub fn is_block(self) -> bool {
        self.is_heading()
            || matches!(
                self,
                Tag::Address
                    | Tag::Article
                    | Tag::Aside
                    | Tag::Blockquote
                    | Tag::Body
                    | Tag::Caption
                    | Tag::Center
                    | Tag::Dd
                    | Tag::Details
                    | Tag::Dialog
                    | Tag::Dir
                    | Tag::Div
                    | Tag::Dl
                    | Tag::Dt
                    | Tag::Fieldset
                    | Tag::Figcaption
                    | Tag::Figure
                    | Tag::Footer
                    | Tag::Form
                    | Tag::Header
                    | Tag::Hgroup
                    | Tag::Hr
                    | Tag::Html
                    | Tag::Legend
                    | Tag::Li
                    | Tag::Main
                    | Tag::Menu
                    | Tag::Nav
                    | Tag::Ol
                    | Tag::P
                    | Tag::Pre
                    | Tag::Search
                    | Tag::Section
                    | Tag::Summary
                    | Tag::Table
                    | Tag::Tbody
                    | Tag::Td
                    | Tag::Tfoot
                    | Tag::Th
                    | Tag::Thead
                    | Tag::Tr
                    | Tag::Ul
                    | Tag::Noscript
                    | Tag::Iframe
                    | Tag::Video
                    | Tag::Audio
                    | Tag::Mtable
            )
    }

    /// Never text a reader sees: dropped at ingest with all they hold.
    pub fn is_non_content(self) -> bool {
        matches!(
            self,
            Tag::Script
                | Tag::Style
                | Tag::Template
                | Tag::Title
                | Tag::Head
                | Tag::Noembed
                | Tag::Noframes
                | Tag::Xmp
                | Tag::Plaintext
        )
    }

    /// Form controls and widgets: dropped at ingest.
    pub fn is_form_control(self) -> bool {
        matches!(
            self,
            Tag::Input
                | Tag::Button
                | Tag::Select
                | Tag::Textarea
                | Tag::Option
                | Tag::Optgroup
                | Tag::Datalist
                | Tag::Meter
                | Tag::Progress
        )
    }

    /// Embedded content a reader mode cannot show (a video iframe is kept as a link).
    pub fn is_unshowable_embed(self) -> bool {
        matches!(
            self,
            Tag::Svg
                | Tag::Object
                | Tag::Embed
                | Tag::Applet
                | Tag::Canvas
                | Tag::Frameset
                | Tag::Frame
                | Tag::Audio
                | Tag::Video
                | Tag::Map
                | Tag::Param
                | Tag::Track
        )
    }

    /// HTML's void elements: no content, no end tag.
    pub fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Base
                | Tag::Br
                | Tag::Col
                | Tag::Embed
                | Tag::Hr
                | Tag::Img
                | Tag::Input
                | Tag::Link
                | Tag::Meta
                | Tag::Param
                | Tag::Source
                | Tag::Track
                | Tag::Wbr
        )
    }

    /// MathML elements, kept verbatim so formulas survive.
    pub fn is_math(self) -> bool {
        matches!(
            self,
            Tag::Math
                | Tag::Mi
                | Tag::Mn
                | Tag::Mo
                | Tag::Ms
                | Tag::Mtext
                | Tag::Mrow
                | Tag::Msup
                | Tag::Msub
                | Tag::Msubsup
                | Tag::Mfrac
                | Tag::Msqrt
                | Tag::Mroot
                | Tag::Mover
                | Tag::Munder
                | Tag::Munderover
                | Tag::Mtable
                | Tag::Mtr
                | Tag::Mtd
                | Tag::Mspace
                | Tag::Mstyle
                | Tag::Mpadded
                | Tag::Mphantom
                | Tag::Menclose
                | Tag::Mfenced
                | Tag::Semantics
                | Tag::Annotation
        )
    }
}

/// The attributes the tree keeps. Everything else is dropped at ingest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attr {
    Href,
    Src,
    Srcset,
    /// A lazy-loading source (`data-src`, `data-original`, ...), resolved at clean-up.
    LazySrc,
    LazySrcset,
    Alt,
    Title,
    Class,
    Id,
    Role,
    Itemprop,
    Rel,
    Lang,
    Dir,
    Colspan,
    Rowspan,
    Headers,
    Scope,
    Datetime,
    Cite,
    Start,
    Type,
    Width,
    Height,
    Poster,
    Sizes,
    Display,
    Mathvariant,
    Encoding,
    /// `data-lang` / `data-language`: a code block's language as some highlighters give it.
    DataLanguage,
    // Set by the markup phase (phase 11) only; ingest never produces them.
    /// An id we generate (`fn-1`, `fnref-1`): the only ids ever written.
    OwnId,
    /// A code block's language, already reduced to safe characters.
    CodeLanguage,
    /// A callout's kind (`note`, `warning`...), already one of a known list.
    Callout,
    /// What a generated element is for: one of the `markup::role` constants.
    Markup,
}

/// What copies of a tree share. Every extraction attempt works on its own copy of the page's
/// tree; natively, hints, attribute values and texts are reference-counted, so that a copy
/// costs a count increment per string instead of an allocation and a free (4% of `clean()`).
/// In wasm its allocator makes copying about as cheap (Node, `tools/bench-ab.mjs`) and the
/// counting cost 2.3 KB gzip: there they are owned, as before.
#[cfg(not(target_arch = "wasm32"))]
type Shared<T> = Option<std::rc::Rc<T>>;

/// An immutable string that copies of a tree share ([`Shared`]); empty allocates nothing.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedStr(Shared<str>);

#[cfg(target_arch = "wasm32")]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedStr(String);

impl std::ops::Deref for SharedStr {
    type Target = str;

    #[cfg(not(target_arch = "wasm32"))]
    fn deref(&self) -> &str {
        self.0.as_deref().unwrap_or("")
    }

    #[cfg(target_arch = "wasm32")]
    fn deref(&self) -> &str {
        &self.0
    }
}

// Not inlined: the conversions are called from many places.
impl From<String> for SharedStr {
    #[cfg(not(target_arch = "wasm32"))]
    #[inline(never)]
    fn from(text: String) -> Self {
        SharedStr((!text.is_empty()).then(|| text.into()))
    }

    #[cfg(target_arch = "wasm32")]
    fn from(text: String) -> Self {
        SharedStr(text)
    }
}

impl From<&str> for SharedStr {
    #[inline(never)]
    fn from(text: &str) -> Self {
        text.to_owned().into()
    }
}

impl SharedStr {
    pub fn as_str(&self) -> &str {
        self
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self)
    }
}

/// An element's kept attributes, shared by copies of a tree as [`SharedStr`] is; a change
/// makes the element its own list.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Debug, Default)]
pub struct Attrs(Shared<[(Attr, SharedStr)]>);

#[cfg(target_arch = "wasm32")]
#[derive(Clone, Debug, Default)]
pub struct Attrs(Vec<(Attr, SharedStr)>);

impl std::ops::Deref for Attrs {
    type Target = [(Attr, SharedStr)];

    #[cfg(not(target_arch = "wasm32"))]
    fn deref(&self) -> &[(Attr, SharedStr)] {
        self.0.as_deref().unwrap_or(&[])
    }

    #[cfg(target_arch = "wasm32")]
    fn deref(&self) -> &[(Attr, SharedStr)] {
        &self.0
    }
}

impl From<Vec<(Attr, SharedStr)>> for Attrs {
    #[cfg(not(target_arch = "wasm32"))]
    #[inline(never)]
    fn from(attrs: Vec<(Attr, SharedStr)>) -> Self {
        Attrs((!attrs.is_empty()).then(|| attrs.into()))
    }

    #[cfg(target_arch = "wasm32")]
    fn from(attrs: Vec<(Attr, SharedStr)>) -> Self {
        Attrs(attrs)
    }
}

impl Attrs {
    /// Rewrites every value `change` returns a new one for.
    pub fn update(&mut self, mut change: impl FnMut(Attr, &str) -> Option<String>) {
        let mut changed = None::<Vec<(Attr, SharedStr)>>;
        for (index, (attr, value)) in self.iter().enumerate() {
            if let Some(new) = change(*attr, value) {
                changed.get_or_insert_with(|| self.to_vec())[index].1 = new.into();
            }
        }
        if let Some(attrs) = changed {
            *self = attrs.into();
        }
    }
}

#[derive(Clone, Debug)]
pub struct Element {
    pub tag: Tag,
    pub attrs: Attrs,
    /// Lower-cased `class` and `id`, joined by a space: what the class/id patterns match.
    pub hint: SharedStr,
}

impl Element {
    pub fn new(tag: Tag) -> Self {
        Element {
            tag,
            attrs: Attrs::default(),
            hint: SharedStr::default(),
        }
    }

    pub fn attr(&self, name: Attr) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(attr, _)| *attr == name)
            .map(|(_, value)| &**value)
    }

    pub fn set_attr(&mut self, name: Attr, value: impl Into<SharedStr>) {
        self.set_shared_attr(name, value.into());
    }

    // Not inlined, nor the removal: a change copies the shared list, in one place.
    #[inline(never)]
    fn set_shared_attr(&mut self, name: Attr, value: SharedStr) {
        let mut attrs = self.attrs.to_vec();
        match attrs.iter_mut().find(|(attr, _)| *attr == name) {
            Some(slot) => slot.1 = value,
            None => attrs.push((name, value)),
        }
        self.attrs = attrs.into();
    }

    #[inline(never)]
    pub fn remove_attr(&mut self, name: Attr) -> Option<SharedStr> {
        let index = self.attrs.iter().position(|(attr, _)| *attr == name)?;
        let mut attrs = self.attrs.to_vec();
        let removed = attrs.swap_remove(index).1;
        self.attrs = attrs.into();
        Some(removed)
    }
}

#[derive(Clone, Debug)]
pub enum NodeData {
    Element(Element),
    Text(SharedStr),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub prev: NodeId,
    pub next: NodeId,
    pub data: NodeData,
}

/// An arena of nodes; node 0 is the root (the page's `<body>`).
#[derive(Clone, Debug)]
pub struct Tree {
    nodes: Vec<Node>,
}

impl Default for Tree {
    fn default() -> Self {
        Self::new()
    }
}

impl Tree {
    pub const ROOT: NodeId = 0;

    pub fn new() -> Self {
        let mut tree = Tree { nodes: Vec::new() };
        tree.push(NodeData::Element(Element::new(Tag::Body)));
        tree
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// A copy to run an extraction attempt on, with room for the nodes the attempt adds
    /// (an exact-size clone would copy the whole arena again on the first new node).
    pub fn working_copy(&self) -> Tree {
        let mut nodes = Vec::with_capacity(self.nodes.len() + self.nodes.len() / 4 + 16);
        nodes.extend(self.nodes.iter().cloned());
        Tree { nodes }
    }

    fn push(&mut self, data: NodeData) -> NodeId {
        let id = self.nodes.len() as NodeId;
        self.nodes.push(Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            data,
        });
        id
    }

    pub fn new_element(&mut self, element: Element) -> NodeId {
        self.push(NodeData::Element(element))
    }

    pub fn new_text(&mut self, text: impl Into<SharedStr>) -> NodeId {
        self.push(NodeData::Text(text.into()))
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id as usize].data {
            NodeData::Element(element) => Some(element),
            NodeData::Text(_) => None,
        }
    }

    pub fn element_mut(&mut self, id: NodeId) -> Option<&mut Element> {
        match &mut self.nodes[id as usize].data {
            NodeData::Element(element) => Some(element),
            NodeData::Text(_) => None,
        }
    }

    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id as usize].data {
            NodeData::Text(text) => Some(text),
            NodeData::Element(_) => None,
        }
    }

    /// Replaces a text node's text; an element stays as it is.
    pub fn set_text(&mut self, id: NodeId, text: impl Into<SharedStr>) {
        if let NodeData::Text(old) = &mut self.nodes[id as usize].data {
            *old = text.into();
        }
    }

    pub fn tag(&self, id: NodeId) -> Option<Tag> {
        self.element(id).map(|element| element.tag)
    }

    pub fn is_tag(&self, id: NodeId, tag: Tag) -> bool {
        self.tag(id) == Some(tag)
    }

    pub fn parent(&self, id: NodeId) -> NodeId {
        self.nodes[id as usize].parent
    }

    pub fn first_child(&self, id: NodeId) -> NodeId {
        self.nodes[id as usize].first_child
    }

    pub fn next_sibling(&self, id: NodeId) -> NodeId {
        self.nodes[id as usize].next
    }

    pub fn prev_sibling(&self, id: NodeId) -> NodeId {
        self.nodes[id as usize].prev
    }

    pub fn append_child(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent as usize].last_child;
        {
            let node = &mut self.nodes[child as usize];
            node.parent = parent;
            node.prev = last;
            node.next = NONE;
        }
        if last == NONE {
            self.nodes[parent as usize].first_child = child;
        } else {
            self.nodes[last as usize].next = child;
        }
        self.nodes[parent as usize].last_child = child;
    }

    pub fn insert_before(&mut self, reference: NodeId, child: NodeId) {
        self.detach(child);
        let parent = self.parent(reference);
        let prev = self.prev_sibling(reference);
        {
            let node = &mut self.nodes[child as usize];
            node.parent = parent;
            node.prev = prev;
            node.next = reference;
        }
        self.nodes[reference as usize].prev = child;
        if prev == NONE {
            if parent != NONE {
                self.nodes[parent as usize].first_child = child;
            }
        } else {
            self.nodes[prev as usize].next = child;
        }
    }

    /// Unlinks a node (with its subtree) from its parent; the node stays in the arena.
    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let node = &self.nodes[id as usize];
            (node.parent, node.prev, node.next)
        };
        if prev != NONE {
            self.nodes[prev as usize].next = next;
        } else if parent != NONE {
            self.nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            self.nodes[next as usize].prev = prev;
        } else if parent != NONE {
            self.nodes[parent as usize].last_child = prev;
        }
        let node = &mut self.nodes[id as usize];
        node.parent = NONE;
        node.prev = NONE;
        node.next = NONE;
    }

    /// Moves all of `from`'s children, in order, to the end of `to`.
    pub fn move_children(&mut self, from: NodeId, to: NodeId) {
        let mut child = self.first_child(from);
        while child != NONE {
            let next = self.next_sibling(child);
            self.append_child(to, child);
            child = next;
        }
    }

    /// Appends copies of `from`'s children in `other` (with their subtrees) to `parent`.
    pub fn append_copies(&mut self, parent: NodeId, other: &Tree, from: NodeId) {
        // (node in `other`, its copy's parent here)
        let mut stack: Vec<(NodeId, NodeId)> = Vec::new();
        let mut child = other.node(from).last_child;
        while child != NONE {
            stack.push((child, parent));
            child = other.prev_sibling(child);
        }
        while let Some((node, into)) = stack.pop() {
            let copy = self.push(other.node(node).data.clone());
            self.append_child(into, copy);
            let mut child = other.node(node).last_child;
            while child != NONE {
                stack.push((child, copy));
                child = other.prev_sibling(child);
            }
        }
    }

    /// Replaces an element by its children; returns the first of them (or the node that
    /// followed it when it had none).
    pub fn unwrap(&mut self, id: NodeId) -> NodeId {
        let after = self.next_sibling(id);
        let first = self.first_child(id);
        let mut child = first;
        while child != NONE {
            let next = self.next_sibling(child);
            self.insert_before(id, child);
            child = next;
        }
        self.detach(id);
        if first != NONE {
            first
        } else {
            after
        }
    }

    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            tree: self,
            next: self.first_child(id),
        }
    }

    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id)
            .filter(move |&child| self.element(child).is_some())
    }

    /// The node after `id` in document order, staying inside `scope`.
    pub fn next_in(&self, id: NodeId, scope: NodeId) -> NodeId {
        let first = self.first_child(id);
        if first != NONE {
            return first;
        }
        self.next_skipping_children(id, scope)
    }

    /// The node after `id`'s subtree in document order, staying inside `scope`.
    pub fn next_skipping_children(&self, mut id: NodeId, scope: NodeId) -> NodeId {
        while id != scope && id != NONE {
            let next = self.next_sibling(id);
            if next != NONE {
                return next;
            }
            id = self.parent(id);
        }
        NONE
    }

    /// All nodes below `scope` (not `scope` itself), in document order.
    pub fn descendants(&self, scope: NodeId) -> Descendants<'_> {
        Descendants {
            tree: self,
            scope,
            next: self.first_child(scope),
        }
    }

    pub fn ancestors(&self, id: NodeId) -> Ancestors<'_> {
        Ancestors {
            tree: self,
            next: self.parent(id),
        }
    }

    pub fn has_ancestor(&self, id: NodeId, ancestor: NodeId) -> bool {
        self.ancestors(id).any(|node| node == ancestor)
    }

    /// Whether the node is still attached under the root.
    pub fn is_attached(&self, id: NodeId) -> bool {
        id == Self::ROOT || self.has_ancestor(id, Self::ROOT)
    }
}

pub struct Children<'a> {
    tree: &'a Tree,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let current = self.next;
        if current == NONE {
            return None;
        }
        self.next = self.tree.next_sibling(current);
        Some(current)
    }
}

pub struct Descendants<'a> {
    tree: &'a Tree,
    scope: NodeId,
    next: NodeId,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let current = self.next;
        if current == NONE {
            return None;
        }
        self.next = self.tree.next_in(current, self.scope);
        Some(current)
    }
}

pub struct Ancestors<'a> {
    tree: &'a Tree,
    next: NodeId,
}

impl Iterator for Ancestors<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let current = self.next;
        if current == NONE {
            return None;
        }
        self.next = self.tree.parent(current);
        Some(current)
    }
}
