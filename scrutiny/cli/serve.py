"""Commands that show the graph: network views as HTML files, and the HTTP API."""

from __future__ import annotations

import click

from scrutiny.cli import configured_store, data_dir_option, main, read_settings, settings_for
from scrutiny.cli.saved_queries import parse_params
from scrutiny.viz.folds import FOLD_OVER


@main.command()
@click.argument("target", required=False)
@click.option("--query", "query_name", help="Draw a saved query's result instead.")
@click.option("--param", "-p", "pairs", multiple=True, help="key=value for --query, repeatable.")
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="HTML file to write.")
@click.option("--depth", type=click.IntRange(1, 3), default=1, help="Hops around each entity.")
@click.option("--max-nodes", type=click.IntRange(1, 5000), default=None,
              help="Most nodes drawn (default SCRUTINY_VIEW_MAX_NODES).")
@click.option("--layout", type=click.Choice(["chain", "spring", "physics"]), default="chain",
              help="chain: columns from report to fulfilment, earliest at the top (the same every time); "
                   "spring: networkx's seeded layout; physics: settles in the browser.")
@click.option("--fold/--no-fold", default=None,
              help=f"Fold each meeting's events into one node a click opens (default: over {FOLD_OVER} nodes).")
@data_dir_option
def view(target, query_name, pairs, out, depth, max_nodes, layout, fold, data_dir):
    """Write a self-contained network view (works offline) of an entity or a saved query.

    Examples: scrutiny view Boyes --out boyes.html;
    scrutiny view --query open-commitments --param body=durham --out open.html
    """
    from scrutiny.viz.network import write_view
    from scrutiny.viz.views import entity_view, query_view
    if bool(target) == bool(query_name):
        raise click.UsageError("give either an entity or search TARGET, or --query NAME")
    settings = read_settings(data_dir)
    cap = max_nodes or settings.view_max_nodes
    with configured_store(settings) as store:
        if query_name:
            drawn = query_view(store, query_name, parse_params(pairs), cap, settings.row_limit)
        else:
            drawn = entity_view(store, target, depth, cap)
    graph, heading, left_out = drawn
    path = write_view(graph, heading, out, left_out, layout, fold)
    note = f"; {left_out} more left out (raise --max-nodes)" if left_out else ""
    click.echo(f"{path}: {len(graph.nodes)} nodes, {len(graph.edges)} links{note}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--quiet", is_flag=True, help="No access log line per request.")
@click.option("--open", "open_browser", is_flag=True, help="Open the index page in a browser, where one exists.")
@data_dir_option
def serve(host, port, quiet, open_browser, data_dir):
    """Serve the HTTP API (read-only unless SCRUTINY_API_KEY enables ingest); docs at /docs.

    Example: scrutiny serve --port 8000
    """
    import uvicorn

    from scrutiny.api.app import create_app
    # the server creates an empty store where there is none: it can be loaded into while it serves
    app = create_app(settings_for(data_dir, create=True))
    # Ctrl-C waits this long for requests in flight (an upload can take minutes), then stops.
    config = uvicorn.Config(app, host=host, port=port, workers=1, access_log=not quiet,
                            log_config=_log_config(), timeout_graceful_shutdown=10)
    try:
        _announcing_server(open_browser)(config).run()
    except KeyboardInterrupt:  # uvicorn re-raises the Ctrl-C it shut down on: a clean stop
        pass


def _log_config() -> dict:
    """uvicorn's logging with its start-up chatter off: warnings, and one line per request."""
    import copy

    from uvicorn.config import LOGGING_CONFIG
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["uvicorn.error"]["level"] = "WARNING"
    config["loggers"]["uvicorn.access"]["level"] = "INFO"
    return config


def _announcing_server(open_browser: bool = False):
    import uvicorn

    class AnnouncingServer(uvicorn.Server):
        """Says where it serves once the socket is bound (not before: the port may be taken)."""

        async def startup(self, sockets=None) -> None:
            await super().startup(sockets)
            if self.started:
                for server in self.servers:
                    for sock in server.sockets:
                        host, port = sock.getsockname()[:2]
                        click.echo(f"Serving on http://{host}:{port} (docs at /docs); Ctrl-C to stop")
                        if open_browser:
                            _open(f"http://{host}:{port}/")
    return AnnouncingServer


def _open(url: str) -> None:
    """The index in the user's browser; on a machine with none, say so and serve on."""
    import webbrowser
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if not opened:
        click.echo(f"no browser found to open {url}", err=True)
