; Inno Setup script: a per-user installer for Windows (no admin rights: representatives often
; have employer-managed laptops). Built by scripts/build_bundle.py, which passes
;   /DAppVersion=0.1.0 /DBundleDir=...\dist\tillitsvalgt /DOutputDir=...\dist
; Installs into %LOCALAPPDATA%\Programs\Tillitsvalgt, a Start menu entry (and a desktop icon
; if asked); the user's data in %LOCALAPPDATA%\Tillitsvalgt is left alone on uninstall.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\tillitsvalgt"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{6F1C2B1E-3D0A-4E7B-9A51-7C2E5D8B4A10}
AppName=Tillitsvalgt
AppVersion={#AppVersion}
AppVerName=Tillitsvalgt {#AppVersion}
AppPublisher=Tillitsvalgt
AppComments=Saksverktøy for tillitsvalgte
DefaultDirName={autopf}\Tillitsvalgt
DefaultGroupName=Tillitsvalgt
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile={#BundleDir}\LICENSE.txt
OutputDir={#OutputDir}
OutputBaseFilename=Tillitsvalgt-{#AppVersion}-setup
SetupIconFile=..\icons\tillitsvalgt.ico
UninstallDisplayIcon={app}\tillitsvalgt-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=no
#ifdef Sign
; scripts/build_bundle.py passes /Ssigntool=... and /DSign=1 when the certificate is there:
; the installer and the uninstaller it writes are then signed (SignedUninstaller).
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "norwegian"; MessagesFile: "compiler:Languages\Norwegian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Tillitsvalgt"; Filename: "{app}\tillitsvalgt-gui.exe"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\Tillitsvalgt"; Filename: "{app}\tillitsvalgt-gui.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\tillitsvalgt-gui.exe"; Description: "{cm:LaunchProgram,Tillitsvalgt}"; Flags: nowait postinstall skipifsilent
