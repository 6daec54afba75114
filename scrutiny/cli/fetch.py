"""``scrutiny fetch``: minutes from where councils publish them, into a folder ready to load."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from scrutiny.cli import configured_store, data_dir_option, main, settings_for
from scrutiny.errors import failed_document, some_failed
from scrutiny.settings import get_settings


@main.group()
def fetch():
    """Download minutes from publishing systems (ModernGov)."""


def _site(value: str) -> str:
    """``https://democracy.example.gov.uk`` from what a user pastes (a trailing slash, the
    service path or a page of the site)."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise click.BadParameter(f"{value!r} is not an http(s) address of a ModernGov site")
    path = parts.path.split("/mgWebService.asmx")[0]
    path = path.rsplit("/", 1)[0] if path.lower().endswith(".aspx") else path
    return f"{parts.scheme}://{parts.netloc}{path.rstrip('/')}"


@fetch.command()
@click.argument("site")
@click.option("--committee", required=True, help="Committee id, or its name (or a unique part).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the documents, manifest.csv and the fetch state.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default="2012-11-01",
              show_default=True, help="First meeting date.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Last meeting date [default: today].")
@click.option("--body", help="Body name for the graph [default: the committee's name]; give "
                             "it when the name omits the area, e.g. 'Police and Crime Panel'.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between requests.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds before a request is given up and retried.")
@click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True,
              help="Retries after a timeout, 429 or 5xx.")
@click.option("--backoff", type=click.FloatRange(min=0), default=2.0, show_default=True,
              help="Seconds before the first retry; each further retry waits twice as long.")
@click.option("--contact", help="An e-mail or URL added to the User-Agent, so the site can reach you.")
@click.option("--load", "load_after", is_flag=True, help="Load what was fetched into the graph.")
@data_dir_option
def moderngov(site, committee, out, since, until, body, delay, timeout, retries, backoff,
              contact, load_after, data_dir):
    """Fetch a committee's minutes through a ModernGov site's public web service.

    Restricted items are never fetched; they appear as "not published". A re-run asks
    only for what changed.

    Example: scrutiny fetch moderngov https://democracy.durham.gov.uk
    --committee "Police and Crime Panel" --out minutes/durham --load
    """
    from scrutiny.loaders.moderngov.client import PoliteClient
    from scrutiny.loaders.moderngov.harvest import Harvest
    settings = settings_for(data_dir, create=True) if load_after else get_settings(data_dir=data_dir)
    client = PoliteClient(delay_s=delay, timeout_s=timeout, retries=retries, backoff_s=backoff,
                          max_mb=settings.max_document_mb, contact=contact)
    harvest = Harvest(client, _site(site), out, body)
    try:
        chosen = harvest.committee(committee)
        stubs = harvest.meetings(chosen, since.date(), (until or dt.datetime.now()).date())
        with click.progressbar(stubs, label=f"fetching {chosen.title}", file=sys.stderr) as bar:
            for meeting_id, day in bar:
                harvest.fetch(chosen, meeting_id, day)
    finally:
        client.close()
        files = harvest.finish()  # an interrupted run still leaves a manifest for what it got
    for label, reason in harvest.summary.failed:
        click.echo(failed_document(label, reason), err=True)
    click.echo(f"{chosen.title} ({chosen.id}): {harvest.summary.line()}")
    if load_after:
        from scrutiny.cli.documents import show_load_report
        from scrutiny.loaders.pipeline import load_paths
        with configured_store(settings) as store:
            report = load_paths(store, [f for f in files if f.exists()], settings)
        show_load_report(report, settings)
    if harvest.summary.failed:
        raise click.ClickException(some_failed(len(harvest.summary.failed), "fetched",
                                               "run the same command again to retry them", "meeting"))
