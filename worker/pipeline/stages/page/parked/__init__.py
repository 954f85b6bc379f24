"""Parked and for-sale domains: alive, but not anybody's company website."""

from worker.pipeline.stages.page.parked.verdict import ParkingVerdict, judge, parking_reason

__all__ = ["ParkingVerdict", "judge", "parking_reason"]
