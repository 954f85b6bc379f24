"""What a user does again and again in the dashboard, and the files they upload."""

from __future__ import annotations

import asyncio
from pathlib import Path

from playwright.async_api import Download, Page, expect

ROWS = 40
FINAL_TIMEOUT = 60_000


def companies_csv(path: Path) -> Path:
    """`ROWS` companies with websites and an extra column; the last row repeats a domain."""
    lines = ["Company Name,Website,Group"]
    lines += [
        f"Company {n} GmbH,https://www.company{n}-test.com/en,g{n % 3}" for n in range(ROWS - 1)
    ]
    lines.append("Company Zero Again,company0-test.com,dup")  # same domain as the first row
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def read_download(download: Download) -> bytes:
    return await asyncio.to_thread(Path(await download.path()).read_bytes)


async def upload(page: Page, file: Path, context_text: str) -> str:
    """Choose the file, write the context, upload; returns the preview's summary text."""
    await page.get_by_role("link", name="New session").first.click()
    await page.locator("#file").set_input_files(str(file))
    await expect(page.locator("#file-chosen")).to_contain_text(file.name)
    await page.get_by_label("Context (optional)").fill(context_text)
    await page.get_by_role("button", name="Upload and preview").click()
    preview = page.locator("#preview")
    await expect(preview.get_by_role("heading", name="2. Check what was detected")).to_be_visible()
    return await preview.locator("#preview-summary").inner_text()
