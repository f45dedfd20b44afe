import { z } from './zod.js';
import { CANCEL_REASON_MAX_LENGTH, REPEAT_DAYS_MAX, WARD_CODE_MAX_LENGTH } from './limits.js';
import { FEEDBACK_ANSWERS } from './feedback.js';

/**
 * Shapes of everything a tablet sends, checked by the server. Classic zod, which only the server
 * runs: this file is not in the shared index, so no page bundle holds it (see admin-schemas.ts). These check types and bounds only; the booking rules
 * (future times, UK mobiles, ...) are in booking-rules.ts so the form can show them by field.
 * Strings are bounded here well above the rules' limits, so a huge value is refused before any
 * work is done, while a slightly long one gets the friendly field message.
 */
const TEXT_BOUND = 1_000;
const text = z.string().max(TEXT_BOUND);
const optionalText = text.nullable();

/** A client-generated UUID: the same change retried keeps the same key. */
export const idempotencyKeySchema = z.uuid();
export const visitIdSchema = z.uuid();

export const bookingFieldsSchema = z.strictObject({
  patientName: text,
  bed: optionalText,
  visitorName: text,
  visitorMobile: optionalText,
  visitorEmail: optionalText,
  date: z.string().max(10),
  time: z.string().max(5),
  lengthMinutes: z.number().int(),
  repeatDays: z.number().int(),
});

const changeFieldsSchema = bookingFieldsSchema.omit({ repeatDays: true });
export type ChangeFields = z.infer<typeof changeFieldsSchema>;

const basedOnVisit = {
  key: idempotencyKeySchema,
  visitId: visitIdSchema,
  /** The version of the visit the nurse was looking at when making the change. */
  baseVersion: z.number().int().min(1),
};

/**
 * Ids for the visits a booking creates, one per day, chosen by the tablet: an offline tablet
 * shows and links to the new visits at once, and they keep the same id when the server applies
 * the booking.
 */
// Bounded loosely so too many days gets the booking rule's friendly message, not a shape error.
const newVisitIds = z.array(visitIdSchema).min(1).max(REPEAT_DAYS_MAX * 4);

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('book'), key: idempotencyKeySchema, visitIds: newVisitIds, fields: bookingFieldsSchema }),
  z.strictObject({ type: z.literal('change'), ...basedOnVisit, fields: changeFieldsSchema }),
  z.strictObject({
    type: z.literal('cancel'),
    ...basedOnVisit,
    reason: z.string().trim().min(1).max(CANCEL_REASON_MAX_LENGTH),
  }),
  z.strictObject({ type: z.literal('rebook'), ...basedOnVisit, visitIds: newVisitIds, fields: bookingFieldsSchema }),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];

export const signInSchema = z.strictObject({
  wardCode: z.string().trim().min(1).max(WARD_CODE_MAX_LENGTH),
  pin: z.string().max(TEXT_BOUND),
});
export type SignInRequest = z.infer<typeof signInSchema>;

/** "Send the link again": the key makes a double tap, or a retry after a lost answer, one resend. */
export const resendRequestSchema = z.strictObject({ key: idempotencyKeySchema });
export type ResendRequest = z.infer<typeof resendRequestSchema>;

/** The body of `POST /api/join/:token/feedback`, from the visitor's end page. */
export const feedbackSchema = z.strictObject({ answer: z.enum(FEEDBACK_ANSWERS) });
export type FeedbackBody = z.infer<typeof feedbackSchema>;
