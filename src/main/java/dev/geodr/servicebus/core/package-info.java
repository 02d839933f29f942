/**
 * What every kind shares: the verdict behind the kstatus conditions, the requeue, and the notices
 * that become Events. Plain Java, no framework: each kind's planner builds these and the operator
 * turns them into status, Events and the next reconcile.
 */
package dev.geodr.servicebus.core;
