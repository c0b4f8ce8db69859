/*
 * Where a chart's point leads: its entry on this page, a link to it on this page, or its place in
 * the timeline's list. The page is looked up through functions the caller passes (no DOM here).
 */

const ANCHOR = /^[a-z0-9-]+$/;

/* Whether `anchor` can be an entry's id (the generator writes only these). */
export function isAnchor(anchor) {
  return typeof anchor === "string" && ANCHOR.test(anchor);
}

/* Whether a link's href (as written) leads to `anchor`. */
export function linksTo(href, anchor) {
  return typeof href === "string" && href.slice(-anchor.length - 1) === "#" + anchor;
}

/* The address of `anchor` on the timeline's page number `page` (the figure's `pages`, relative to
   the site's root `root`), or null when the figure names no such page. */
export function pageAddress(pages, page, anchor, root) {
  const path = (pages || [])[page];
  return typeof path === "string" ? new URL(path + "#" + anchor, root).href : null;
}

/* Where `point` ({anchor, page}) leads, or null: {href, here}, `here` the element itself when the
   entry is on this page (outside the chart). `page`: {byId(id) -> element or null, links() ->
   the page's links, contains(node) -> whether the chart holds it, pages, root}. */
export function targetOf(point, page) {
  const anchor = point.anchor;
  if (!isAnchor(anchor)) return null;
  const here = page.byId(anchor);
  if (here && !page.contains(here)) return { href: "#" + anchor, here: here };
  const links = page.links();
  for (let i = 0; i < links.length; i++) {
    if (linksTo(links[i].getAttribute("href"), anchor) && !page.contains(links[i])) {
      return { href: links[i].href, here: null };
    }
  }
  const address = pageAddress(page.pages, point.page, anchor, page.root);
  return address === null ? null : { href: address, here: null };
}
