/**
 * What reStructuredText and Sphinx directives mean for prose. Names are lower case.
 */

/** Directives whose content is code, data or configuration, not prose. */
const CODE_DIRECTIVES = new Set(
  (
    'code code-block sourcecode literalinclude highlight math raw include graphviz graph digraph mermaid plantuml uml ' +
    'doctest testcode testoutput testsetup testcleanup ipython jupyter-execute program-output command-output prompt ' +
    'toctree autosummary productionlist contents sectnum section-numbering index meta tabularcolumns default-role role ' +
    'class parsed-literal plot bokeh-plot exec code-tab literal-block image'
  ).split(' '),
);

/** Directives whose argument is prose: admonitions (the argument starts the text) and titled blocks. */
const PROSE_ARGUMENT_DIRECTIVES = new Set(
  (
    'admonition note warning tip important caution danger error hint attention seealso todo topic sidebar rubric ' +
    'table list-table csv-table centered'
  ).split(' '),
);

/** Directives whose argument is a version number, then optional prose. */
const VERSION_DIRECTIVES = new Set(['versionadded', 'versionchanged', 'deprecated', 'versionremoved']);

/** Options whose value is prose (`:alt:` of an image, `:caption:` of a code block). */
export const PROSE_OPTIONS = new Set(['alt', 'caption']);

/** True when the directive's content is not prose. */
export function hasCodeContent(name: string): boolean {
  return CODE_DIRECTIVES.has(name) || name.startsWith('auto');
}

/** How the directive's argument reads: all prose, prose after a version number, or no prose. */
export function argumentKind(name: string): 'prose' | 'version' | 'none' {
  if (PROSE_ARGUMENT_DIRECTIVES.has(name)) return 'prose';
  if (VERSION_DIRECTIVES.has(name)) return 'version';
  return 'none';
}
