#!/usr/bin/env node
import { createRequire as __ballastRequire } from 'node:module';
const require = __ballastRequire(import.meta.url);
import{describeFailure,logLine,main}from"./chunk-T67SHRCH.js";import"./chunk-7L4OS7VF.js";import"./chunk-G5GTWZ5C.js";import"./chunk-5WKYWEUE.js";import"./chunk-Y6LBM2XF.js";process.stdout.on("error",error=>{if(error.code!=="EPIPE")throw error;process.exit(typeof process.exitCode=="number"?process.exitCode:0)});try{process.exitCode=await main(process.argv.slice(2))}catch(error){process.stderr.write(logLine(`ballast: ${describeFailure(error)}
`)),process.env.BALLAST_DEBUG==="1"&&error instanceof Error&&process.stderr.write(`${error.stack??""}
`),process.exitCode=2}
