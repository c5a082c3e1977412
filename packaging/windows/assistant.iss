; Inno Setup 6 script for the Windows installer (UNTESTED: no Windows here). Build the one-folder
; bundle first (packaging/README.md), then: iscc packaging\windows\assistant.iss
#define AppVersion "0.1.0"

[Setup]
AppId={{6E0C1F0A-3C35-4D4B-9A51-0A55A1C7E019}
AppName=Assistant
AppVersion={#AppVersion}
AppPublisher=The assistant developers
DefaultDirName={autopf}\Assistant
DefaultGroupName=Assistant
OutputBaseFilename=AssistantSetup
Compression=lzma2
SolidCompression=yes
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\icons\io.github.assistant.ico

[Files]
Source: "..\..\dist\assistant\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Assistant"; Filename: "{app}\assistant.exe"; Parameters: "run"
Name: "{autodesktop}\Assistant"; Filename: "{app}\assistant.exe"; Parameters: "run"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\assistant.exe"; Parameters: "run"; Description: "Start Assistant"; Flags: nowait postinstall skipifsilent
