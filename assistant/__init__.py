"""assistant — a private, offline describer of screens and pictures for blind and low-vision people."""

from assistant.privacy import disable_telemetry as _disable_telemetry

__version__ = "0.1.0"

# Before anything can import onnxruntime (RapidOCR, the ONNX captioner): its telemetry stays off.
_disable_telemetry()
