"""bench.stages measures the preview server's rebuild without leaving the edited file changed."""

import json
import shutil

from bench import stages
from tests.conftest import FIXTURES


def test_a_preview_edit_rebuilds_one_page_and_puts_the_file_back(tmp_path, capsys):
    content = shutil.copytree(FIXTURES / "small", tmp_path / "content")
    meeting = content / "meetings/2019-04-30-monthly-assurance.md"
    before = meeting.read_bytes()
    assert stages.main([str(content), str(tmp_path / "site"), "--preview-edit", str(meeting)]) == 0
    measured = json.loads(capsys.readouterr().out)
    assert (
        measured["rendered"] >= 1 and measured["wall"] > 0 and set(measured["seconds"]) >= {"load", "render", "write"}
    )
    assert meeting.read_bytes() == before
