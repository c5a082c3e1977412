"""The tray app: the only package that imports Qt; a thin layer over the headless core.

Modules: ``main`` (``run_app``, single instance), ``controller`` (wires every trigger to the
worker and the voice), ``worker`` (the describe thread; newest request wins), ``ipc`` (local
socket: ``assistant trigger ...``), ``tray``, ``main_window`` (also the drop window),
``history``/``history_window``, ``settings_window`` (built from assistant.catalog) with ``hotkey_field``,
``reconfigure`` (settings put into effect), ``welcome`` (the first start), ``seams`` (the typed
interfaces to speech, screen and describer), ``options``, ``speaking``, ``autostart``, ``qtimage``.

Default global hotkeys (change them in Settings; conflicts are refused with a reason):

=====================  ====================  ==========================================
Action                 Keys                  Trigger command
=====================  ====================  ==========================================
Describe screen        Ctrl+Alt+Shift+S      ``assistant trigger describe-screen``
Describe window        Ctrl+Alt+Shift+W      ``assistant trigger describe-window``
Describe pointer area  Ctrl+Alt+Shift+P      ``assistant trigger describe-pointer``
Read clipboard image   Ctrl+Alt+Shift+C      ``assistant trigger clipboard``
Repeat last            Ctrl+Alt+Shift+L      ``assistant trigger repeat``
Stop speaking          Ctrl+Alt+Shift+X      ``assistant trigger stop``
Open the main window   Ctrl+Alt+Shift+A      ``assistant trigger show``
=====================  ====================  ==========================================

Why these: NVDA, JAWS, Narrator and Orca put their commands on their own modifier (Insert or
CapsLock), so Ctrl+Alt+Shift+letter stays free; GNOME uses Ctrl+Alt+Shift+R for screencasts, so
*repeat* is L. On Wayland no app may grab global keys: bind the trigger commands in the desktop's
keyboard settings instead (the running app receives them over its private local socket).
"""
