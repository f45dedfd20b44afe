import { useState } from 'preact/hooks';
import type { AdminSessionInfo, AdminSignInStep } from '../../shared/admin.js';
import { ApiError, adminApi, problemText } from '../api.js';
import { SignIn } from './SignIn.js';
import { SecondFactor, SetUpAuthenticator } from './SecondFactor.js';
import { RecoveryCodes } from './RecoveryCodes.js';

type Step =
  | { step: 'password'; problem?: string }
  | { step: 'second-factor' }
  | { step: 'set-up-second-factor'; otpauthUri: string; secret: string }
  | { step: 'recovery-codes'; codes: string[]; session: AdminSessionInfo };

/**
 * Signing in, one screen per step: email and password, then the authenticator app (set up on
 * the first sign-in, when the recovery codes are shown once). The steps live in this
 * component, not the address: the server holds the half-done sign-in, and a reload starts again.
 */
export function SignInJourney({ onSignedIn }: { onSignedIn: (session: AdminSessionInfo) => void }) {
  const [step, setStep] = useState<Step>({ step: 'password' });

  const afterPassword = (answer: AdminSignInStep) => {
    if (answer.step === 'signed-in') return onSignedIn(answer.session);
    setStep(answer);
  };

  const sendCode = async (code: string) => {
    try {
      const answer = await adminApi.secondFactor(code);
      if (answer.recoveryCodes?.length) setStep({ step: 'recovery-codes', codes: answer.recoveryCodes, session: answer.session });
      else onSignedIn(answer.session);
      return null;
    } catch (error) {
      // The half-done sign-in has ended (too slow, or too many wrong codes): start again.
      if (error instanceof ApiError && error.code === 'not_signed_in') {
        setStep({ step: 'password', problem: error.message });
        return null;
      }
      return problemText(error);
    }
  };

  switch (step.step) {
    case 'password':
      return <SignIn onAnswer={afterPassword} startProblem={step.problem} />;
    case 'second-factor':
      return <SecondFactor onCode={sendCode} />;
    case 'set-up-second-factor':
      return <SetUpAuthenticator otpauthUri={step.otpauthUri} secret={step.secret} onCode={sendCode} />;
    case 'recovery-codes':
      return <RecoveryCodes codes={step.codes} onContinue={() => onSignedIn(step.session)} />;
  }
}
