/**
 * What each HTML element means for prose. Names are lower case.
 */

/** Elements whose text flows on with the text around them, so a sentence runs through them. */
export const INLINE_ELEMENTS = new Set(
  (
    'a abbr acronym b bdi bdo big blink cite data del dfn em font i ins label mark nobr q rb rp rt rtc ruby s small span ' +
    'strike strong sub sup time tt u button output meter progress ' +
    // link components of Vue, Nuxt and React routers read like `<a>`
    'router-link routerlink nuxt-link nuxtlink link'
  ).split(' '),
);

/** Inline elements whose content is not prose; each stands for one word that matches nothing. */
export const OPAQUE_ELEMENTS = new Set('code kbd samp var svg math video audio canvas object'.split(' '));

/** Void inline elements that stand for one word (an image between two words keeps them apart). */
export const OPAQUE_VOID_ELEMENTS = new Set('img input embed'.split(' '));

/** Elements whose content is not prose and that end the unit around them. */
export const SKIPPED_ELEMENTS = new Set('pre script style template textarea xmp plaintext noembed noframes iframe'.split(' '));

/** Elements that have no content and no closing tag. */
export const VOID_ELEMENTS = new Set(
  'area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr'.split(' '),
);

/**
 * Elements the tokenizer reads as raw text up to their closing tag (it looks
 * for no markup inside them): only `<title>` of them holds prose.
 */
export const RAW_TEXT_ELEMENTS = new Set('script style title textarea xmp iframe noembed noframes plaintext'.split(' '));

/** Attributes whose value is prose on any element. */
export const PROSE_ATTRIBUTES = new Set(['alt', 'title', 'aria-label', 'aria-description', 'placeholder']);

/** `<meta>` names (or properties) whose `content` is prose. */
export const PROSE_META_NAMES = new Set(['description', 'og:title', 'og:description', 'twitter:title', 'twitter:description']);

/** Elements whose `label` attribute is shown to the reader. */
export const LABELLED_ELEMENTS = new Set(['option', 'optgroup', 'track', 'menu']);

/** `<input type>`s whose `value` is the button's label. */
export const BUTTON_INPUT_TYPES = new Set(['submit', 'button', 'reset']);
