// The preload: exposes the contract to the renderer, method by method, through
// contextBridge. ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { createIpcClient } from './ipc-client';

contextBridge.exposeInMainWorld('marginalia', createIpcClient(ipcRenderer));
