"""The PDF template page's live preview in a real browser (Playwright, Debian's Chromium):
typing in the template redraws the sample document's first page."""

import os
from pathlib import Path

import pytest

from tests.conftest import T0
from web.services import page_user_create

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import expect, sync_playwright  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PASSWORD = "correct horse battery"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_live_preview_follows_the_template(mp, live_server):
    page_user_create(marketplace=mp, email="ops@pages.test", password=PASSWORD,
                     role="manager", at=T0)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(base_url=live_server.url,
                                    viewport={"width": 1280, "height": 900})
            page.set_default_timeout(15_000)
            page.goto("/sign-in")
            page.get_by_label("E-mail").fill("ops@pages.test")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.get_by_role("link", name="PDF templates").click()
            preview = page.get_by_role("img", name="Page 1 of the sample document")
            expect(preview).to_be_visible()
            before = preview.get_attribute("src")

            editor = page.get_by_label("Template (HTML and CSS)")
            editor.fill(editor.input_value().replace("<h1>{{ doc.title }}</h1>",
                                                     "<h1>GUTSCHRIFT {{ doc.number }}</h1>"))
            expect(preview).not_to_have_attribute("src", before)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "pdf-template-preview.png"),
                            full_page=True)
            page.get_by_role("button", name="Save template").click()
            expect(page.get_by_text("Credit memo template saved.")).to_be_visible()
            expect(page.get_by_text("This marketplace uses its own template.")).to_be_visible()
        finally:
            browser.close()
