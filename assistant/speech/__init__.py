"""Speech: say text out loud through the best voice available, and stop at once when asked.

Qt-free. The app and the CLI use :func:`create_speaker` once and then only the :class:`Speaker`
interface; backends (screen reader, speech-dispatcher, espeak-ng, pyttsx3, WAV, silent) are chosen
by :mod:`assistant.speech.factory`.
"""

from assistant.speech.audio import has_audio_output
from assistant.speech.base import BACKENDS, Speaker, SpeechEvent, SpeechOptions
from assistant.speech.earcons import play_earcon
from assistant.speech.factory import BackendProbe, create_speaker, probe_backends
from assistant.speech.screenreader import ScreenReaderInfo, detect_screen_reader
from assistant.speech.silent import SilentSpeaker
from assistant.speech.text import split_sentences
from assistant.speech.wav import wav_duration

__all__ = [
    "BACKENDS",
    "BackendProbe",
    "ScreenReaderInfo",
    "SilentSpeaker",
    "Speaker",
    "SpeechEvent",
    "SpeechOptions",
    "create_speaker",
    "detect_screen_reader",
    "has_audio_output",
    "play_earcon",
    "probe_backends",
    "split_sentences",
    "wav_duration",
]
