// electron-builder afterPack hook: flips Electron's fuses on the packaged binary (STYLE.md security
// baseline). electron-builder 25 (the last line that installs on Node 20 without fetching from GitHub)
// has no `electronFuses` option, so this does what that option does.
import path from 'node:path';
import { flipFuses, FuseVersion, FuseV1Options } from '@electron/fuses';

export default async function flipElectronFuses(context) {
  const { appOutDir, packager, electronPlatformName } = context;
  const name = packager.appInfo.productFilename;
  const executable = {
    darwin: path.join(appOutDir, `${name}.app`),
    mas: path.join(appOutDir, `${name}.app`),
    win32: path.join(appOutDir, `${name}.exe`),
    linux: path.join(appOutDir, packager.executableName),
  }[electronPlatformName];
  await flipFuses(executable, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: electronPlatformName === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    // Cookies on disk encrypted with the OS keychain key. One-way: a later build without it cannot read them.
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The UI is served from app://, never file://.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
}
