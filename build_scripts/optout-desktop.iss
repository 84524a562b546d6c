; Inno Setup script: the Windows installer for OptOut Desktop (Inno Setup 6.3 or newer).
;
; On a Windows build machine, after `python build_scripts\build.py` made dist\optout-desktop\:
;   iscc /DAppVersion=0.1.0 build_scripts\optout-desktop.iss
; (build.py runs this itself when iscc.exe is on PATH or in Inno Setup's usual folder.)
; It writes dist\OptOut-Desktop-<version>-Setup.exe: a per-user install that needs no
; administrator (PrivilegesRequired=lowest: it goes to %LOCALAPPDATA%\Programs), a Start-menu
; entry, an optional desktop icon, an optional `optout` on the user's PATH, and an uninstaller
; (Settings > Apps). Uninstalling keeps the user's suppression list (it lives in
; %LOCALAPPDATA%\OptOut Desktop, not in the program folder).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "OptOut Desktop"
#define AppExe "optout-desktop.exe"
#define Bundle "..\dist\optout-desktop"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6C0B7F2E-3D51-4A8C-9E47-0F2A9B81D5C3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=OptOut Desktop
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=yes
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=OptOut-Desktop-{#AppVersion}-Setup
SetupIconFile=..\optout_desktop\resources\icons\optout-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesEnvironment=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "addtopath"; Description: "Add the optout command line to PATH"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the old libraries rather than leaving strays beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Keep your email suppression list"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Folder: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Paths, Folder: string;
  Found: Integer;
begin
  { Take {app} out of the user's PATH again, if the installer put it there. }
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths) then
    exit;
  Folder := ExpandConstant('{app}');
  Found := Pos(';' + Uppercase(Folder), Uppercase(Paths));
  if Found > 0 then
  begin
    Delete(Paths, Found, Length(Folder) + 1);
    RegWriteExpandStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths);
  end;
end;
