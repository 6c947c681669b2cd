namespace PcapDiff.Rendering.Html;

/// <summary>The report's stylesheet: light and dark, narrow screens, print.</summary>
internal static class HtmlStyle
{
    public const string Css = """

        :root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #5c6670; --line: #d8dee4; --panel: #f6f8fa;
          --changed: #fff4c2; --left: #ffe0e0; --right: #f3e3ff; --first: #d33; --good: #1a7f37; --bad: #c62828; --bar-left: #3b82f6; --bar-right: #e8590c; }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9aa5b1; --line: #30363d; --panel: #161b22;
            --changed: #3d3412; --left: #4a1d1d; --right: #3a2250; --first: #ff7b72; --good: #3fb950; --bad: #ff7b72; --bar-left: #58a6ff; --bar-right: #ffa657; }
        }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; padding: 1rem; max-width: 1200px; }
        h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
        a { color: inherit; }
        .runs .label, .badge { font-weight: 600; }
        .verdict { font-size: 1.3rem; font-weight: 700; margin: .6rem 0 .2rem; } .verdict.same { color: var(--good); } .verdict.different { color: var(--bad); }
        #first-divergence { border-left: 4px solid var(--first); padding: .4rem .7rem; background: var(--panel); }
        .warning { color: var(--bad); }
        .scroll { overflow-x: auto; }
        table.flows { border-collapse: collapse; width: 100%; } table.flows th, table.flows td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .8rem; border: 1px solid var(--line); }
        .badge.diverged { background: var(--changed); } .badge.only-left { background: var(--left); } .badge.only-right { background: var(--right); }
        .chart { width: 100%; max-width: 820px; height: auto; font: 12px system-ui, sans-serif; }
        .chart text { fill: var(--fg); } .chart .name { text-anchor: end; } .chart .value { fill: var(--muted); }
        .bar.left, .key.left { fill: var(--bar-left); } .bar.right, .key.right { fill: var(--bar-right); }
        .pair { border-top: 1px solid var(--line); }
        .endpoints, .note, .more, footer { color: var(--muted); font-size: .9rem; }
        .hint { background: var(--panel); border-left: 4px solid var(--bar-right); padding: .4rem .7rem; margin: .5rem 0; } .hint p { margin: .2rem 0 0; } .hint .evidence { color: var(--muted); font-family: ui-monospace, monospace; font-size: .85rem; }
        .sbs { font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-x: auto; }
        .row { display: grid; grid-template-columns: 2.2rem 4.5rem minmax(12rem, 1fr) 4.5rem minmax(12rem, 1fr); gap: 0 .6rem; padding: 0 .3rem; }
        .row > span { overflow-wrap: anywhere; }
        .row.head { color: var(--muted); border-bottom: 1px solid var(--line); }
        .row.changed, .row.moved { background: var(--changed); } .row.left-only { background: var(--left); } .row.right-only { background: var(--right); }
        .row.first { box-shadow: inset 0 0 0 2px var(--first); } .row:target { box-shadow: inset 0 0 0 3px var(--first); }
        details.fold > summary { color: var(--muted); cursor: pointer; padding: 0 .3rem 0 3rem; }
        dl.filters dt { color: var(--muted); font-size: .85rem; } dl.filters dd { margin: 0 0 .3rem; } code { overflow-wrap: anywhere; }
        footer { margin-top: 2rem; }
        @media (max-width: 700px) {
          body { padding: .5rem; font-size: 14px; }
          .row { grid-template-columns: 1.6rem 3rem 1fr; }
          .row > span:nth-child(4), .row > span:nth-child(5) { grid-column: 2 / span 1; }
          .row > span:nth-child(5) { grid-column: 3; }
        }
        @media print {
          body { max-width: none; } a { text-decoration: none; }
          details.fold::details-content { content-visibility: visible; display: block; }
        }

        """;
}
