// tsconfig limits automatic types to node; the add-in's code and tests also see the Office.js globals.
/// <reference types="office-js" />
