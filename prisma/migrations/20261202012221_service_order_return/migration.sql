-- AlterEnum
ALTER TYPE "VolunteerServiceOrderStatus" ADD VALUE 'RETURNED';

-- AlterTable
ALTER TABLE "VolunteerServiceOrder" ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "returnedBy" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "returnedById" TEXT;

