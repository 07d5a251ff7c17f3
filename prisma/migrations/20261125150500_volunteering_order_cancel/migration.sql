-- volunteering: 撤销派单 cancelServiceOrder (new status CANCELLED, who/when/why columns)
-- ADD VALUE runs inside the migration's transaction (PostgreSQL 12+); the new value is not used in it.
-- AlterEnum
ALTER TYPE "VolunteerServiceOrderStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "VolunteerServiceOrder" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelledById" TEXT;

