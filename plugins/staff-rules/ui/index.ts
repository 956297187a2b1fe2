import type { PluginUiContext } from '@workbench/ui';
import './wb-staff-rules-staff.js';
import './wb-staff-rules-roster.js';
import './wb-staff-rules-handover.js';
import './wb-staff-rules-routines.js';
import './wb-staff-rules-on-now-widget.js';
import './wb-staff-rules-handover-widget.js';
import './wb-staff-rules-fines.js';
import './wb-staff-rules-my-fines.js';
import './attendance/attendance-view.js';
import './attendance/my-attendance.js';

/** Runs once per page, when one of the plugin's elements is first shown. */
export function activate(wb: PluginUiContext): void {
  // The panels write their strings in both languages side by side (`this.t('排班', 'Roster')`).
  void wb;
}
