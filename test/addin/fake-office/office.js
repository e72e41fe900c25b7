// A FAKE Office host for browser tests: stands in for office-js/office.js in an OFFICE_JS=local build.
// Excel.run, the workbook, worksheets and ranges are backed by plain grids handed in as
// window.__FAKE_WORKBOOK__ = { displayLanguage, apiVersion, sheets: [{ name, grid, formulas, protected, visibility }] }
// and follow Office.js's batch rules: properties are readable only after load() and sync(); writes, sheet
// creation, activation and selection are queued and applied at sync(); null in a 2-D input leaves a cell alone.
// What happened is visible to the test as window.__fakeExcel.
(function () {
  'use strict';
  var data = window.__FAKE_WORKBOOK__ || { sheets: [] };
  var apiMinor = data.apiVersion || 17;

  function colName(c) {
    var s = '';
    for (var n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function a1(r, c) { return colName(c) + (r + 1); }
  function parseCell(s) {
    var m = /^\$?([A-Z]+)\$?(\d+)$/.exec(s);
    if (!m) throw new Error('fake Excel: bad address ' + s);
    var col = 0;
    for (var i = 0; i < m[1].length; i++) col = col * 26 + m[1].charCodeAt(i) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  }
  function parseBlock(address) {
    var parts = address.split(':');
    var a = parseCell(parts[0]);
    var b = parseCell(parts[1] || parts[0]);
    return { row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
  }
  function quoted(name) { return /^[A-Za-z0-9_]+$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'"; }
  function key(r, c) { return r + ',' + c; }

  var state = {
    sheets: [],
    activeSheet: null,
    selection: null,
    syncs: 0,
    runs: 0,
    associated: {},
    log: [],
  };

  function makeSheet(spec) {
    var s = {
      name: spec.name,
      cells: (spec.grid || []).map(function (r) { return r ? r.slice() : []; }),
      formats: {},
      formulas: {},
      merges: [],
      styles: 0,
      protected: !!spec.protected,
      visibility: spec.visibility || 'Visible',
    };
    Object.keys(spec.formulas || {}).forEach(function (addr) {
      var p = parseCell(addr);
      s.formulas[key(p.row, p.col)] = spec.formulas[addr];
    });
    Object.keys(spec.numberFormats || {}).forEach(function (addr) {
      var p = parseCell(addr);
      s.formats[key(p.row, p.col)] = spec.numberFormats[addr];
    });
    return s;
  }
  data.sheets.forEach(function (spec) { state.sheets.push(makeSheet(spec)); });
  state.activeSheet = state.sheets.length ? state.sheets[0].name : null;
  function findSheet(name) {
    for (var i = 0; i < state.sheets.length; i++) if (state.sheets[i].name === name) return state.sheets[i];
    return null;
  }

  // A proxy object: loaded properties become readable after sync; reading others throws like Office.js.
  function ClientObject(ctx, resolve) {
    this._ctx = ctx;
    this._resolve = resolve;
    this._wanted = [];
    this._loaded = null;
  }
  ClientObject.prototype.load = function (props) {
    var list = typeof props === 'string' ? props.split(',') : props || [];
    for (var i = 0; i < list.length; i++) this._wanted.push(String(list[i]).trim());
    this._ctx._pendingLoads.push(this);
    return this;
  };
  ClientObject.prototype._get = function (prop) {
    if (!this._loaded || !(prop in this._loaded)) {
      throw new Error('PropertyNotLoaded: ' + prop + ' was not loaded (call load() and sync() first)');
    }
    return this._loaded[prop];
  };
  function defineProps(proto, props) {
    props.forEach(function (p) {
      Object.defineProperty(proto, p, { get: function () { return this._get(p); }, configurable: true });
    });
  }

  function RangeObject(ctx, sheetRef, address, kind) {
    ClientObject.call(this, ctx, null);
    this._sheetRef = sheetRef;
    this._address = address;
    this._kind = kind; // 'used' | 'usedOrNull' | 'plain' | 'whole'
  }
  RangeObject.prototype = Object.create(ClientObject.prototype);
  defineProps(RangeObject.prototype, ['address', 'values', 'formulas', 'isNullObject']);
  Object.defineProperty(RangeObject.prototype, 'values', {
    get: function () { return this._get('values'); },
    set: function (v) { this._ctx._queue.push({ kind: 'values', sheet: this._sheetRef, address: this._address, data: v }); },
  });
  Object.defineProperty(RangeObject.prototype, 'numberFormat', {
    get: function () { return this._get('numberFormat'); },
    set: function (v) { this._ctx._queue.push({ kind: 'numberFormat', sheet: this._sheetRef, address: this._address, data: v }); },
  });
  RangeObject.prototype.select = function () {
    this._ctx._queue.push({ kind: 'select', sheet: this._sheetRef, address: this._address });
  };
  RangeObject.prototype.merge = function () {
    this._ctx._queue.push({ kind: 'merge', sheet: this._sheetRef, address: this._address });
  };
  // Formatting and validation are counted, not kept: range.format.fill.color = …, range.dataValidation.rule = ….
  function styleSetters(range, props) {
    var o = {};
    props.forEach(function (p) {
      Object.defineProperty(o, p, {
        set: function () { range._ctx._queue.push({ kind: 'style', sheet: range._sheetRef }); },
        enumerable: true,
      });
    });
    return o;
  }
  Object.defineProperty(RangeObject.prototype, 'format', {
    get: function () {
      var f = styleSetters(this, ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment']);
      f.fill = styleSetters(this, ['color']);
      f.font = styleSetters(this, ['bold', 'italic', 'size', 'color']);
      return f;
    },
  });
  Object.defineProperty(RangeObject.prototype, 'dataValidation', {
    get: function () { return styleSetters(this, ['rule']); },
  });
  RangeObject.prototype.getSpecialCellsOrNullObject = function (type) {
    if (apiMinor < 9) throw new Error('ApiNotFound: getSpecialCellsOrNullObject needs ExcelApi 1.9');
    if (type !== 'Formulas') throw new Error('fake Excel: special cells ' + type);
    var areas = new ClientObject(this._ctx, null);
    var sheetRef = this._sheetRef;
    Object.defineProperty(areas, 'address', { get: function () { return this._get('address'); } });
    Object.defineProperty(areas, 'isNullObject', { get: function () { return this._get('isNullObject'); } });
    areas._resolve = function () {
      var s = sheetRef();
      var cells = Object.keys(s.formulas).map(function (k) {
        var rc = k.split(',').map(Number);
        return quoted(s.name) + '!' + a1(rc[0], rc[1]);
      });
      return { address: cells.join(', '), isNullObject: cells.length === 0 };
    };
    return areas;
  };
  // A plain range's loadable properties: its number format codes (General where none was set), values, formulas.
  RangeObject.prototype._resolveFormats = function () {
    var s = this._sheetRef();
    var parts = this._address.split(':');
    var from = parseCell(parts[0]), to = parseCell(parts[1] || parts[0]);
    var codes = [], values = [], formulas = [];
    for (var r = from.row; r <= to.row; r++) {
      var line = [], vr = [], fr = [];
      for (var c = from.col; c <= to.col; c++) {
        var v = (s.cells[r] && s.cells[r][c] !== null && s.cells[r][c] !== undefined) ? s.cells[r][c] : '';
        line.push(s.formats[key(r, c)] || 'General');
        vr.push(v);
        fr.push(s.formulas[key(r, c)] || v);
      }
      codes.push(line); values.push(vr); formulas.push(fr);
    }
    return { numberFormat: codes, values: values, formulas: formulas };
  };
  // ExcelApi 1.13: the fake keeps no merged areas of the user's, so the list is always a null object.
  RangeObject.prototype.getMergedAreasOrNullObject = function () {
    if (apiMinor < 13) throw new Error('ApiNotFound: getMergedAreasOrNullObject needs ExcelApi 1.13');
    var areas = new ClientObject(this._ctx, null);
    Object.defineProperty(areas, 'isNullObject', { get: function () { return this._get('isNullObject'); } });
    areas._resolve = function () { return { isNullObject: true, areas: { items: [] } }; };
    return areas;
  };
  RangeObject.prototype._resolveNow = function () {
    var s = this._sheetRef();
    var top = Infinity, left = Infinity, bottom = -1, right = -1;
    function grow(r, c) {
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }
    s.cells.forEach(function (row, r) {
      (row || []).forEach(function (v, c) { if (v !== null && v !== undefined && v !== '') grow(r, c); });
    });
    Object.keys(s.formulas).forEach(function (k) { var rc = k.split(',').map(Number); grow(rc[0], rc[1]); });
    var empty = bottom < 0;
    if (empty) top = left = bottom = right = 0;
    var values = [], formulas = [];
    for (var r = top; r <= bottom; r++) {
      var vr = [], fr = [];
      for (var c = left; c <= right; c++) {
        var v = s.cells[r] && s.cells[r][c];
        if (v === null || v === undefined) v = '';
        vr.push(v);
        fr.push(s.formulas[key(r, c)] || v);
      }
      values.push(vr);
      formulas.push(fr);
    }
    var addr = a1(top, left) + (bottom > top || right > left ? ':' + a1(bottom, right) : '');
    return {
      address: quoted(s.name) + '!' + addr,
      values: values,
      formulas: formulas,
      isNullObject: this._kind === 'usedOrNull' && empty,
    };
  };

  function WorksheetObject(ctx, sheetRef) {
    ClientObject.call(this, ctx, function () {
      var s = sheetRef();
      return { name: s.name, visibility: s.visibility };
    });
    this._sheetRef = sheetRef;
    var protection = new ClientObject(ctx, function () { return { protected: sheetRef().protected }; });
    Object.defineProperty(protection, 'protected', { get: function () { return this._get('protected'); } });
    this.protection = protection;
  }
  WorksheetObject.prototype = Object.create(ClientObject.prototype);
  defineProps(WorksheetObject.prototype, ['name', 'visibility']);
  WorksheetObject.prototype.getUsedRange = function () {
    var r = new RangeObject(this._ctx, this._sheetRef, null, 'used');
    r._resolve = r._resolveNow;
    return r;
  };
  WorksheetObject.prototype.getUsedRangeOrNullObject = function () {
    if (apiMinor < 4) throw new Error('ApiNotFound: getUsedRangeOrNullObject needs ExcelApi 1.4');
    var r = new RangeObject(this._ctx, this._sheetRef, null, 'usedOrNull');
    r._resolve = r._resolveNow;
    return r;
  };
  WorksheetObject.prototype.getRange = function (address) {
    var r = new RangeObject(this._ctx, this._sheetRef, address || null, address ? 'plain' : 'whole');
    if (address) r._resolve = r._resolveFormats;
    return r;
  };
  WorksheetObject.prototype.activate = function () {
    this._ctx._queue.push({ kind: 'activate', sheet: this._sheetRef });
  };
  Object.defineProperty(WorksheetObject.prototype, 'freezePanes', {
    get: function () {
      var ctx = this._ctx, ref = this._sheetRef;
      return { freezeRows: function () { ctx._queue.push({ kind: 'style', sheet: ref }); } };
    },
  });

  function RequestContext() {
    this._queue = [];
    this._pendingLoads = [];
    var ctx = this;
    var collection = new ClientObject(ctx, function () {
      return { items: state.sheets.map(function (s) { return ctx._sheetObject(s.name); }) };
    });
    defineProps(collection, ['items']);
    collection.getItem = function (name) {
      if (!findSheet(name)) throw new Error('ItemNotFound: ' + name);
      return ctx._sheetObject(name);
    };
    collection.getActiveWorksheet = function () {
      return ctx._sheetObject(state.activeSheet);
    };
    collection.add = function (name) {
      var s = makeSheet({ name: name, grid: [] });
      ctx._queue.push({ kind: 'add', sheet: function () { return s; } });
      return new WorksheetObject(ctx, function () { return s; });
    };
    var bookProtection = new ClientObject(ctx, function () { return { protected: !!data.workbookProtected }; });
    defineProps(bookProtection, ['protected']);
    this.workbook = { worksheets: collection, protection: bookProtection };
    this._sheets = {};
  }
  RequestContext.prototype._sheetObject = function (name) {
    if (!this._sheets[name]) {
      var ws = new WorksheetObject(this, function () { return findSheet(name); });
      ws._wanted = [];
      this._sheets[name] = ws;
    }
    return this._sheets[name];
  };
  RequestContext.prototype.sync = function () {
    var ctx = this;
    return Promise.resolve().then(function () {
      state.syncs++;
      var ops = ctx._queue;
      ctx._queue = [];
      ops.forEach(apply);
      var loads = ctx._pendingLoads;
      ctx._pendingLoads = [];
      loads.forEach(function (obj) {
        var all = obj._resolve ? obj._resolve() : {};
        obj._loaded = obj._loaded || {};
        obj._wanted.forEach(function (p) {
          if (p.indexOf('items/') === 0) {
            (all.items || []).forEach(function (item) { item._loaded = Object.assign(item._loaded || {}, item._resolve()); });
            obj._loaded.items = all.items;
          } else {
            obj._loaded[p] = all[p];
          }
        });
        if ('isNullObject' in all) obj._loaded.isNullObject = all.isNullObject;
        obj._wanted = [];
      });
    });
  };

  function apply(op) {
    var s = op.sheet();
    switch (op.kind) {
      case 'add':
        if (findSheet(s.name)) throw new Error('ItemAlreadyExists: ' + s.name);
        state.sheets.push(s);
        return;
      case 'activate':
        if (s.visibility !== 'Visible') throw new Error('InvalidOperation: hidden sheet');
        state.activeSheet = s.name;
        state.selection = null;
        return;
      case 'select':
        if (state.activeSheet !== s.name) throw new Error('InvalidSelection: sheet not active');
        state.selection = { sheet: s.name, address: op.address };
        return;
      case 'merge':
        s.merges.push(op.address);
        return;
      case 'style':
        s.styles++;
        return;
      case 'values':
      case 'numberFormat': {
        if (s.protected) throw new Error('AccessDenied: protected sheet');
        var b = parseBlock(op.address);
        op.data.forEach(function (row, dr) {
          row.forEach(function (v, dc) {
            if (v === null) return;
            var r = b.row + dr, c = b.col + dc;
            if (op.kind === 'numberFormat') { s.formats[key(r, c)] = v; return; }
            delete s.formulas[key(r, c)];
            s.cells[r] = s.cells[r] || [];
            s.cells[r][c] = v === '' ? null : typeof v === 'string' && v.charAt(0) === "'" ? v.slice(1) : v;
          });
        });
        return;
      }
    }
  }

  window.Excel = {
    run: function (batch) {
      state.runs++;
      var ctx = new RequestContext();
      return Promise.resolve(batch(ctx)).then(function (result) {
        return ctx.sync().then(function () { return result; });
      });
    },
  };

  var ready = Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: {
      displayLanguage: data.displayLanguage || 'zh-CN',
      requirements: {
        isSetSupported: function (set, version) {
          return set === 'ExcelApi' && Number(String(version).split('.')[1] || 0) <= apiMinor;
        },
      },
    },
    actions: {
      associate: function (id, fn) { state.associated[id] = fn; },
    },
    onReady: function (cb) {
      return ready.then(function (info) { if (cb) cb(info); return info; });
    },
  };
  window.__fakeExcel = state;
})();
