"""Building the image from the Build workspace: the output question, the checks, the job and
its progress.

"Build Image…" asks for the output file (:meth:`BuildRunner.build_image_dialog`);
:meth:`BuildRunner.start` checks the current naming report and the capacity, then submits a
:class:`~app.core.image.job.BuildJob` over a *snapshot* of the project through the
:class:`~app.ui.common.job_bridge.JobBridge`, so edits made while it runs do not reach the
worker thread.  Progress shows in the jobs panel and in the page's activity strip (with
Cancel); success shows the result banner ("Open Folder", "Burn This Image…", checksums), a
failure is handed to the page to show (:attr:`BuildRunner.error`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.core.errors import AppError
from app.core.image.checksum import Algorithm
from app.core.image.job import BuildJob, BuildResult
from app.core.jobs import JobHandle, Outcome, Progress, Result
from app.core.project.model import DiscProject
from app.core.project.projectfile import project_from_json, project_to_json
from app.core.protect.job import ProtectJob, ProtectResult, default_ecc_path
from app.core.units import format_size
from app.ui.build.activity import ActivityStrip, ResultBanner
from app.ui.build.analysis import AnalysisWatcher
from app.ui.build.capacity_bar import CapacityBar, Fill
from app.ui.build.protect_option import adding_text, augment_job
from app.ui.common.i18n import tr
from app.ui.common.job_bridge import JobBridge
from app.ui.common.progress_text import amount_text, eta_text, phase_text, rate_text
from app.ui.common.settings import Purpose, Settings


class BuildRunner(QObject):
    """See the module docstring.  ``page`` is the parent of its dialogs."""

    running_changed = Signal(bool)
    """A build was submitted (True) or ended (False), before its result is shown."""
    finished = Signal(object)
    """The :class:`~app.core.jobs.Result` of a build, after it was shown."""
    error = Signal(object)
    """An :class:`~app.core.errors.AppError` for the page to show."""

    def __init__(
        self,
        bridge: JobBridge,
        settings: Settings,
        project: Callable[[], DiscProject],
        *,
        analysis: AnalysisWatcher,
        capacity: CapacityBar,
        activity: ActivityStrip,
        banner: ResultBanner,
        page: QWidget,
    ) -> None:
        super().__init__(page)
        self._bridge = bridge
        self._settings = settings
        self._project = project
        self._analysis = analysis
        self._capacity = capacity
        self._activity = activity
        self._banner = banner
        self._page = page
        self.handle: JobHandle[BuildResult] | None = None
        """The running build, if any."""
        self._protect = False
        self._protect_handle: JobHandle[ProtectResult] | None = None
        self.augment_medium: Callable[[], int | None] = lambda: None
        """The medium to append RS02 data for after the build (the page's option), or None."""
        self._augment: int | None = None

    @property
    def building(self) -> bool:
        return self.handle is not None or self._protect_handle is not None

    def build_image_dialog(self) -> None:
        project = self._project()
        if self.building or project.root.child_count == 0:
            return
        folder = self._settings.last_folder(
            Purpose.BUILD_OUTPUT, self._settings.preferences().output_dir
        )
        name = (project.volume.label or "disc").strip() or "disc"
        start = folder / f"{name}.iso"
        chosen, _filter = QFileDialog.getSaveFileName(
            self._page, tr("Build Image"), str(start), tr("ISO images (*.iso);;All files (*)")
        )
        if not chosen:
            return
        output = Path(chosen)
        self._settings.remember_folder(Purpose.BUILD_OUTPUT, output.parent)
        if not output.suffix:
            output = output.with_suffix(".iso")
        # the save dialog asked before replacing an existing file
        self.start(output, overwrite=output.exists())

    def start(
        self, output: Path, *, overwrite: bool = False, confirm_overflow: bool = True
    ) -> JobHandle[BuildResult] | None:
        """Check the project and submit the build job; None when refused (shown to the user)."""
        # a current naming report refuses at once; otherwise the job refuses the same way
        analysis = self._analysis.latest if not self._analysis.busy else None
        if analysis is not None and analysis.plan.problems:
            try:
                analysis.plan.raise_if_blocked()
            except AppError as exc:
                self.error.emit(exc)
                return None
        if confirm_overflow and self._capacity.fill is Fill.OVER:
            answer = QMessageBox.question(
                self._page,
                tr("The image will not fit"),
                tr(
                    "The image is about {over} larger than a {medium} holds. Build it anyway?"
                ).format(
                    over=format_size(self._capacity.overflow_bytes),
                    medium=self._capacity.target.label,
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        snapshot = project_from_json(project_to_json(self._project()))
        preferences = self._settings.preferences()
        checksums = (Algorithm.SHA256,) if preferences.verify_after else ()
        self._protect = preferences.protect_builds
        self._augment = self.augment_medium()
        if self._augment:
            checksums = ()  # the RS02 data appended afterwards would make them stale
        job = BuildJob(
            snapshot,
            output,
            overwrite=overwrite,
            checksums=checksums,
            implant_md5=self._protect,
        )
        self._banner.hide()
        self.handle = self._bridge.submit(
            job,
            on_progress=lambda progress: self._on_progress(output, progress),
            on_done=self._on_done,
            context=self,
        )
        self._activity.show_activity(tr("Building {name}…").format(name=output.name), None, None)
        self.running_changed.emit(True)
        return self.handle

    def cancel(self) -> None:
        for handle in (self.handle, self._protect_handle):
            if handle is not None:
                self._bridge.cancel(handle)
                self._activity.show_activity(tr("Cancelling…"), None, None)

    def _on_progress(self, output: Path, progress: Progress) -> None:
        parts = [amount_text(progress), rate_text(progress), eta_text(progress)]
        self._activity.show_activity(
            tr("Building {name} — {phase}").format(name=output.name, phase=phase_text(progress)),
            progress.done,
            progress.total,
            " · ".join(p for p in parts if p),
            throttle=False,  # job progress comes throttled to 10 per second already
        )

    def _on_done(self, result: Result[BuildResult]) -> None:
        self.handle = None
        value = result.value
        if result.outcome is Outcome.SUCCEEDED and value is not None and self._augment:
            # RS02 in the image itself (its MD5 implanted first, when chosen): no .ecc file
            self._chain_protect(result, augment_job(value.path, self._augment))
            return
        if result.outcome is Outcome.SUCCEEDED and value is not None and self._protect:
            # the .ecc file of an earlier image of that name no longer fits: replaced
            job = ProtectJob(value.path, ecc=default_ecc_path(value.path), force=True)
            self._activity.show_activity(
                tr("Adding error-correction data to {name}…").format(name=value.path.name),
                None,
                None,
            )
            self._protect_handle = self._bridge.submit(
                job,
                on_progress=lambda progress: self._on_progress(value.path, progress),
                on_done=lambda protected: self._on_protected(result, protected),
                context=self,
            )
            return
        self._finish(result, None)

    def _chain_protect(self, built: Result[BuildResult], job: ProtectJob) -> None:
        self._activity.show_activity(adding_text(job.image), None, None)
        self._protect_handle = self._bridge.submit(
            job,
            on_progress=lambda progress: self._on_progress(job.image, progress),
            on_done=lambda protected: self._on_protected(built, protected),
            context=self,
        )

    def _on_protected(self, built: Result[BuildResult], protected: Result[ProtectResult]) -> None:
        self._protect_handle = None
        if protected.outcome is Outcome.FAILED and protected.error is not None:
            self.error.emit(protected.error)
        self._finish(built, protected.value)

    def _finish(self, result: Result[BuildResult], protection: ProtectResult | None) -> None:
        self._activity.hide()
        self.running_changed.emit(False)
        if result.outcome is Outcome.SUCCEEDED and result.value is not None:
            self._banner.show_result(result.value, protection)
        elif result.outcome is Outcome.FAILED and result.error is not None:
            self.error.emit(result.error)
        self.finished.emit(result)
