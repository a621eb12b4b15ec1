export { toMediaAudioProps, toMediaVideoProps } from './media-props';
export { isRemoteUrl, localNameOfRemote, remoteAssetsWarning } from './remote-url';
export { assetNameOfUrl, missingAssetMessage, namedAssetUrl } from './asset-url';
export { creationSite, explainStuckDelayRender, parseStuckDelayRender, type StuckDelayRender } from './stuck-delay-render';
